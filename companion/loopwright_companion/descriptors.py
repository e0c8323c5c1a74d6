"""The protocol definitions of the Streamlit that is running, for Loopwright's WebSocket proxy.

Loopwright decodes the messages between Streamlit's frontend and its server with the definitions
of the installed Streamlit, never with a copy of its .proto files: the protocol changes between
releases, and the author's installation is the only one that matches the server being watched.
Streamlit ships its definitions compiled (streamlit/proto/*_pb2.py), and each compiled module
registers its FileDescriptor in protobuf's pool, so the definitions can be read back from there.

Run as `python -m loopwright_companion.descriptors` (with companion/ on sys.path) it writes the
set, base64, to stdout.
"""

from __future__ import annotations

import base64
import sys

from google.protobuf import descriptor_pb2
from google.protobuf.descriptor import Descriptor, FileDescriptor


def _roots() -> list[FileDescriptor]:
    """What the server sends (ForwardMsg) and what the frontend sends (BackMsg): everything else
    the proxy needs is reachable from these two through their imports."""
    # Imported here, not at module level: inside the author's process this module may be
    # imported before Streamlit has finished importing its own protos.
    from streamlit.proto import BackMsg_pb2, ForwardMsg_pb2

    return [ForwardMsg_pb2.DESCRIPTOR, BackMsg_pb2.DESCRIPTOR]


def descriptor_set() -> bytes:
    """A serialized FileDescriptorSet: ForwardMsg.proto, BackMsg.proto and every file they
    import, directly or not, each once, dependencies before the files that import them (the
    order a descriptor pool, protobuf-es's createFileRegistry among them, can add them in)."""
    ordered: list[FileDescriptor] = []
    seen: set[str] = set()

    # Iterative post-order walk: deep import chains must not meet Python's recursion limit.
    for root in _roots():
        if root.name in seen:
            continue
        seen.add(root.name)
        stack: list[tuple[FileDescriptor, int]] = [(root, 0)]
        while stack:
            current, next_dependency = stack[-1]
            dependencies = current.dependencies
            if next_dependency < len(dependencies):
                stack[-1] = (current, next_dependency + 1)
                dependency = dependencies[next_dependency]
                if dependency.name not in seen:
                    seen.add(dependency.name)
                    stack.append((dependency, 0))
            else:
                stack.pop()
                ordered.append(current)

    file_set = descriptor_pb2.FileDescriptorSet()
    for file in ordered:
        file_proto = file_set.file.add()
        file.CopyToProto(file_proto)
        for message_proto in file_proto.message_type:
            _fill_json_names(message_proto, file.message_types_by_name[message_proto.name])
    return file_set.SerializeToString()


def _fill_json_names(message_proto: descriptor_pb2.DescriptorProto, message: Descriptor) -> None:
    """Writes each field's JSON name into the copy, as protoc does in the sets it hands plugins.

    CopyToProto leaves json_name out, and protobuf-es takes a field's JSON name from it as it is,
    so without it every field would be named "" in JSON.
    """
    for field_proto in message_proto.field:
        field_proto.json_name = message.fields_by_name[field_proto.name].json_name
    for nested_proto in message_proto.nested_type:
        _fill_json_names(nested_proto, message.nested_types_by_name[nested_proto.name])


def main() -> None:
    sys.stdout.write(base64.b64encode(descriptor_set()).decode("ascii"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
