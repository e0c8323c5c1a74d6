// The renderer's stand-in for @types/node. apache-arrow's declarations reference Node's types
// (`/// <reference types="node" />`), which would hand the whole renderer program Node's globals
// (process, Buffer, require) and hide a renderer file that uses them. Empty on purpose.
