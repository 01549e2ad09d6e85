#!/usr/bin/env node
/*
 * npm-taggers.js -- the measurement that chose curlew's tagger data: tags
 * the hand-tagged wire sample with each npm candidate in its own code and
 * prints the share of tokens right (V=1 lists the misses).  Not part of
 * the build; the candidates are not dependencies:
 *
 *   mkdir /tmp/cand && cd /tmp/cand && npm install en-pos pos wink-nlp wink-eng-lite-web-model
 *   NODE_PATH=/tmp/cand/node_modules node tools/tagger-compare/npm-taggers.js tests/data/tagger/wire-sample.txt
 *
 * wink tags with the Universal tag set, so its figure is on coarse classes.
 */
const fs = require("fs");
const lines = fs.readFileSync(process.argv[2], "utf8").split("\n");
const sents = [];
for (const l of lines) if (l.startsWith("tags: ")) sents.push(l.slice(6).split(" ").map(x => { const i = x.lastIndexOf("/"); return [x.slice(0, i), x.slice(i + 1)]; }));
const norm = t => (t === "``" || t === "''" || t === '"') ? "Q" : t;
function score(name, fn) {
  let ok = 0, n = 0, okw = 0, nw = 0; const errs = {};
  const t0 = process.hrtime.bigint();
  const outs = sents.map(s => fn(s.map(x => x[0])));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  sents.forEach((s, i) => s.forEach((x, j) => { const g = norm(x[1]), p = norm(outs[i][j]); n++; ok += g === p; if (/^[A-Z]/.test(g) && g !== "POS") { nw++; okw += g === p; } if (g !== p) errs[x[0] + " " + g + "->" + p] = 1; }));
  console.log(`${name}: ${ok}/${n} = ${(100 * ok / n).toFixed(1)}% (words ${(100 * okw / nw).toFixed(1)}%), ${ms.toFixed(0)} ms`);
  if (process.env.V) console.log("  " + Object.keys(errs).join("; "));
}
const EnPos = require("en-pos").Tag;
score("en-pos", w => new EnPos(w).initial().smooth().tags);
const pos = require("pos"); const tagger = new pos.Tagger();
score("pos", w => tagger.tag(w).map(x => x[1]));
const winkNLP = require("wink-nlp"); const model = require("wink-eng-lite-web-model");
const nlp = winkNLP(model); const its = nlp.its;
// wink tags with the Universal tag set, so its figure is on coarse classes
const U = { NN: "NOUN", NNS: "NOUN", NNP: "PROPN", NNPS: "PROPN", VB: "VERB", VBD: "VERB", VBN: "VERB", VBG: "VERB", VBP: "VERB", VBZ: "VERB", MD: "AUX", JJ: "ADJ", JJR: "ADJ", JJS: "ADJ", RB: "ADV", RBR: "ADV", RBS: "ADV", IN: "ADP", TO: "PART", DT: "DET", PRP: "PRON", "PRP$": "PRON", WP: "PRON", WDT: "PRON", CC: "CCONJ", CD: "NUM", RP: "ADP", POS: "PART", ",": "PUNCT", ".": "PUNCT", "``": "PUNCT", "''": "PUNCT" };
let okc = 0, nc = 0; const t0 = process.hrtime.bigint(); const errs = [];
for (const s of sents) {
  const doc = nlp.readDoc(s.map(x => x[0]).join(" "));
  const toks = doc.tokens().out(); const ptags = doc.tokens().out(its.pos);
  // align by token text
  let k = 0;
  for (const [w, g] of s) { while (k < toks.length && toks[k] !== w && !w.startsWith(toks[k])) k++; const p = k < toks.length ? ptags[k] : "?"; nc++; const gu = U[g] || g; const ok = gu === p || (g === "TO" && p === "ADP") || (gu === "PRON" && p === "DET") || (g === "MD" && p === "AUX") || (gu === "VERB" && p === "AUX"); okc += ok; if (!ok) errs.push(w + " " + gu + "->" + p); }
}
console.log(`wink-eng-lite-web-model: coarse ${okc}/${nc} = ${(100 * okc / nc).toFixed(1)}%, ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`);
if (process.env.V) console.log("  " + errs.join("; "));
