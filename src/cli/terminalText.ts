// A response body must never write escape codes to the terminal: a key or value quoted in a message or pointer
// could otherwise set the window title, clear the screen or hide text. Control characters (C0, DEL, C1) and the
// Unicode line and bidirectional controls are printed as \uXXXX escapes.

// eslint-disable-next-line no-control-regex -- matching control characters is this module's purpose
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// In a JSON document JSON.stringify has escaped C0 already; its own line breaks must stay.
const controlsBeyondC0 = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line of text output, safe to print. */
export function terminalLine(text: string): string {
  return text.replace(controls, escape);
}

/** A JSON document from JSON.stringify, safe to print and still the same JSON. */
export function terminalJson(json: string): string {
  return json.replace(controlsBeyondC0, escape);
}
