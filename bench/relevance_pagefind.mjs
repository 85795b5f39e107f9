// Pagefind's side of bench/relevance.sh --pagefind: indexes the same entry pages as archive, with
// Pagefind's Node API, and runs the same queries through Pagefind's own pagefind.js (the file a
// browser loads), its fetches served from the output folder. Run by bench/relevance.py, from a
// folder where pagefind is installed with npm:
//   node bench/relevance_pagefind.mjs JOB.json
// JOB.json: {"pages": [{"id", "file"}], "queries": ["two words", …], "output": DIR, "result": FILE,
// "language": a language to force (Pagefind's forceLanguage), or null}.
// Writes to FILE, for each query in order, the ids of its first 10 results. Pagefind reads each
// page as it is (its <body>, or [data-pagefind-body] where a page has one) and searches the index of
// the site's language with the most pages, as it does in a browser of another language.
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import * as pagefind from "pagefind";

const job = JSON.parse(await readFile(process.argv[2], "utf8"));

const config = job.language ? { forceLanguage: job.language } : {};
const { index, errors } = await pagefind.createIndex(config);
if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
const idOfUrl = new Map();
for (const [n, page] of job.pages.entries()) {
  const url = `/p/${n}/`; // simple and unique, so that results map back to ids whatever Pagefind does to URLs
  idOfUrl.set(url, page.id);
  const added = await index.addHTMLFile({ url, content: await readFile(page.file, "utf8") });
  if (added.errors.length) console.error(`pagefind: ${page.id}: ${added.errors.join("; ")}`);
}
const written = await index.writeFiles({ outputPath: job.output });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
await pagefind.close();

// pagefind.js fetches its files relative to where it was loaded from: here, the local folder
const networkFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = typeof input === "string" ? input : (input.url ?? String(input));
  if (!url.startsWith(job.output)) return networkFetch(input, init);
  const path = url.split("?")[0];
  const type = path.endsWith(".pagefind") ? "application/wasm" : "application/octet-stream";
  return new Response(await readFile(path), { headers: { "content-type": type } });
};
const search = await import(pathToFileURL(`${job.output}/pagefind.js`).href);
await search.options({ basePath: `${job.output}/`, baseUrl: "/" });
await search.init();

const answers = [];
for (const query of job.queries) {
  const found = await search.search(query);
  const top = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
  answers.push(top.map((d) => idOfUrl.get(d.url) ?? d.url));
}
await search.destroy();
await writeFile(job.result, JSON.stringify(answers));
