// The Kestra server address of kestraFlow.server.url: an http(s) URL without credentials in it (a
// `user:password@` would be saved in settings and shown in the output channel; use Sign In).

/** undefined when `text` is a usable server address, else what is wrong with it. */
export function checkServerUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'Enter the server address, e.g. http://localhost:8080';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'The address starts with http:// or https://';
  if (url.username !== '' || url.password !== '')
    return 'Leave the username and password out of the address: "Kestra: Sign In" asks for them and keeps them in the OS keychain.';
  return undefined;
}
