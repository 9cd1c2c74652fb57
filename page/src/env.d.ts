/** The worker's bundled source, given to the page by the build (see page/build.mjs). */
declare module 'page-worker-source' {
  const source: string;
  export default source;
}
