import { FrontendRendererArgs } from "@streamlit/component-v2-lib";
import {
  CSSProperties,
  FC,
  ReactElement,
  useCallback,
  useMemo,
  useState,
} from "react";

export type MyComponentStateShape = {
  num_clicks: number;
};

export type MyComponentDataShape = {
  name: string;
};

export type MyComponentProps = Pick<
  FrontendRendererArgs<MyComponentStateShape, MyComponentDataShape>,
  "setStateValue"
> &
  MyComponentDataShape;

/**
 * A template for creating Streamlit components with React: reads the data sent
 * from Python, keeps its own state with React hooks, sends state back with
 * setStateValue(), and styles itself with Streamlit's CSS custom properties.
 */
const MyComponent: FC<MyComponentProps> = ({
  name,
  setStateValue,
}): ReactElement => {
  const [isFocused, setIsFocused] = useState(false);
  const [numClicks, setNumClicks] = useState(0);

  const style = useMemo<CSSProperties>(() => {
    const colorToUse = isFocused
      ? "var(--st-primary-color)"
      : "var(--st-gray-color)";

    const borderStyling = `1px solid ${colorToUse}`;

    return {
      border: borderStyling,
      outline: borderStyling,
    };
  }, [isFocused]);

  const onClicked = useCallback((): void => {
    const newNumClicks = numClicks + 1;
    setNumClicks(newNumClicks);
    setStateValue("num_clicks", newNumClicks);
  }, [numClicks, setStateValue]);

  const onFocus = useCallback((): void => {
    setIsFocused(true);
  }, []);

  const onBlur = useCallback((): void => {
    setIsFocused(false);
  }, []);

  return (
    <span>
      <h1>Hello, {name}!</h1>
      <button
        style={style}
        onClick={onClicked}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        Click Me!
      </button>
    </span>
  );
};

export default MyComponent;
