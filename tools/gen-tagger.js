#!/usr/bin/env node
/*
 * gen-tagger.js -- writes the part-of-speech tagger's tables into data/gen/
 * from the field-made data of Debian's liblingua-en-tagger-perl (a lexicon
 * of word/tag counts and tag-bigram probabilities estimated from the Penn
 * Treebank's Wall Street Journal text).  Run at set-up by the Makefile:
 *
 *   node tools/gen-tagger.js DIR OUT_DIR
 *
 * DIR holds the package's words.yml, unknown.yml and tags.yml.  Writes
 * OUT_DIR/tagger-lexicon.tsv (word, then TAG:count pairs; the unknown-word
 * classes such as -cap- and -ing- are words of their own) and
 * OUT_DIR/tagger-transitions.tsv (previous tag, then TAG:probability
 * pairs).  Tags are turned from the package's names into the Penn Treebank
 * ones curlew uses (det -> DT, ppc -> ",", prps -> PRP$...).  Sorted, so
 * regenerating gives the same bytes.
 */
'use strict';
const fs = require('fs');

function die(msg) {
	process.stderr.write('gen-tagger: ' + msg + '\n');
	process.exit(1);
}

if (process.argv.length !== 4)
	die('usage: gen-tagger.js LINGUA_TAGGER_DIR OUT_DIR');
const [dir, out] = process.argv.slice(2);

/* The package's own names for the tags that are not Penn's. */
const RENAME = {
	det: 'DT', prps: 'PRP$', wps: 'WP$', ppc: ',', pp: '.', ppl: '``', ppr: "''",
	pps: ':', ppd: '$', lrb: '-LRB-', rrb: '-RRB-',
};
const penn = t => RENAME[t] || t.toUpperCase();

function read(name) {
	try {
		return fs.readFileSync(`${dir}/${name}`, 'utf8');
	} catch (e) {
		die(`cannot read ${dir}/${name}: ${e.message} (package liblingua-en-tagger-perl; run \`make deps\`)`);
	}
}

/* The files are YAML written as one flow mapping a line:
 *   "word": { tag: 12, tag2: 3 }     or     word: { tag: 12 }
 * which is all this reads; anything else is an error, not a guess. */
function parse(text, name) {
	const rows = [];
	text.split('\n').forEach((line, i) => {
		if (!line.trim() || line.startsWith('---'))
			return;
		const m = /^("(?:[^"\\]|\\.)*"|[^:]+):\s*\{(.*)\}\s*$/.exec(line);
		if (!m)
			die(`${name}:${i + 1}: not a "key: { tag: n, ... }" line`);
		let key = m[1];
		if (key.startsWith('"'))
			key = JSON.parse(key);
		const pairs = [];
		for (const part of m[2].split(',')) {
			const kv = /^\s*([a-z]+)\s*:\s*([0-9.e+-]+)\s*$/.exec(part);
			if (!kv)
				die(`${name}:${i + 1}: bad pair "${part}"`);
			pairs.push([penn(kv[1]), Number(kv[2])]);
		}
		rows.push([key, pairs]);
	});
	return rows;
}

function write(path, rows, fmt) {
	rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	const lines = rows.map(([k, pairs]) => k + '\t' + pairs
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.map(([t, n]) => `${t}:${fmt(n)}`).join(' '));
	fs.writeFileSync(path + '.tmp', lines.join('\n') + '\n');
	fs.renameSync(path + '.tmp', path);
}

const words = parse(read('words.yml'), 'words.yml').concat(parse(read('unknown.yml'), 'unknown.yml'));
for (const [w] of words)
	if (/[\t\n]/.test(w))
		die(`a word with a tab or newline: ${JSON.stringify(w)}`);
write(`${out}/tagger-lexicon.tsv`, words, n => String(Math.round(n)));
const tags = parse(read('tags.yml'), 'tags.yml').map(([k, p]) => [penn(k), p]);
write(`${out}/tagger-transitions.tsv`, tags, n => n.toPrecision(6).replace(/\.?0+$/, ''));
process.stderr.write(`gen-tagger: ${words.length} words, ${tags.length} tags\n`);
