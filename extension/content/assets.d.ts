// esbuild's text loader: a .css import is the file's text (scripts/build.mjs).
declare module "*.css" {
  const text: string;
  export default text;
}
