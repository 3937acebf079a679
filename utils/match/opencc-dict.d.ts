/** opencc-js ships its dictionaries as ES modules without type declarations: each is one string, "T S|T S…". */
declare module 'opencc-js/dict/TSCharacters' {
  const table: string;
  export default table;
}
