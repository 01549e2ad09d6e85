#!/usr/bin/env node
// import-phoenix.js -- the second half of tools/import-phoenix.sh: takes the
// actor and agent files that "curlew dict import" converted from the
// Phoenix (PETRARCH) dictionaries, drops what the format and the dev set
// show to hurt, and writes data/phoenix/actors.txt and agents.txt.  Prints
// what it dropped and why, one line per class.
//
//   node tools/import-phoenix.js --filter tools/phoenix-filter.txt --countries data
//        --actors CONVERTED=ORIGINAL ... --agents CONVERTED --out data/phoenix
//
// CONVERTED is a file "dict import" wrote, ORIGINAL the Phoenix file it came
// from (read only for its "Generated at" date).  --countries names the data
// dir whose country tables say which names are countries'.
'use strict';
const fs = require('fs');
const path = require('path');

const args = { actors: [], agents: [] };
for (let i = 2; i < process.argv.length; i += 2) {
	const k = process.argv[i].replace(/^--/, ''), v = process.argv[i + 1];
	if (!v || !['filter', 'countries', 'actors', 'agents', 'out'].includes(k)) {
		console.error(`import-phoenix.js: bad argument ${process.argv[i]}`);
		process.exit(1);
	}
	if (Array.isArray(args[k]))
		args[k].push(v);
	else
		args[k] = v;
}

// The loader's canonical form, near enough: lower case, hyphens and
// spaces alike, full stops and a possessive dropped.
function canon(s) {
	return s.toLowerCase().replace(/\./g, '').replace(/'s\b/g, '')
		.replace(/[-\s]+/g, ' ').trim();
}

const dropped = new Map();
function drop(why, n = 1) {
	dropped.set(why, (dropped.get(why) || 0) + n);
}

// ------------------------------------------------------------ the filter
// "name WORDS", "agent WORDS", "code CODE" (drop the role) and "recode OLD
// NEW" (a code's first three letters) lines; '#' starts a comment.
const filter = { name: new Map(), agent: new Map(), code: new Map(), recode: new Map() };
let reason = '';
for (const raw of fs.readFileSync(args.filter, 'utf8').split('\n')) {
	if (/^#\s*why:/.test(raw))
		reason = raw.replace(/^#\s*why:\s*/, '');
	const line = raw.replace(/#.*/, '').trim();
	if (!line)
		continue;
	const m = line.match(/^(name|agent|code|recode)\s+(.+)$/);
	if (!m)
		throw new Error(`${args.filter}: cannot read "${line}"`);
	if (m[1] === 'recode') {
		const [from, to] = m[2].split(/\s+/);
		filter.recode.set(from, { to, reason });
	} else {
		filter[m[1]].set(m[1] === 'code' ? m[2] : canon(m[2]), reason);
	}
}

// ------------------------------------------------------- country names
// Every name, adjective and capital of curlew's country tables.
const countryNames = new Set();
for (const f of ['gen/countries.tsv', 'countries-extra.tsv']) {
	for (const line of fs.readFileSync(path.join(args.countries, f), 'utf8').split('\n')) {
		if (!line || line.startsWith('#'))
			continue;
		const c = line.split('\t');
		for (const col of [c[2], c[3], c[4], c[5]])
			for (const n of (col || '').split('|'))
				if (n.trim())
					countryNames.add(canon(n));
	}
}

// Text that is not a name: double-encoded UTF-8 in the source files
// ("PÃŠBLICAS").
function garbled(s) {
	return /[\u00c2\u00c3][\u0080-\u00bf\u0152\u0160\u0178\u017d\u2018-\u203a]/.test(s);
}

// ---------------------------------------------------------------- actors
// "Name | Alias  [CODE] [CODE FROM TO]"
function readActor(line) {
	const i = line.indexOf('[');
	const names = line.slice(0, i).split('|').map(s => s.trim()).filter(Boolean);
	const roles = [...line.slice(i).matchAll(/\[([^\]]*)\]/g)].map(m => {
		const [code, from = '-', to = '-'] = m[1].trim().split(/\s+/);
		return { code, from, to };
	});
	return { names, roles };
}

function writeActor(a) {
	const roles = a.roles.map(r => r.from === '-' && r.to === '-' ? `[${r.code}]`
		: `[${r.code} ${r.from} ${r.to}]`).join(' ');
	return `${a.names.join(' | ')}  ${roles}`;
}

// A country's block: its names, demonyms, cities and regions under the
// country's code (or dated codes of the state it belonged to).  Names and
// adjectives are the country table's, cities and regions the gazetteer's;
// as actors they made every "in Tel Aviv" an Israeli target.
function countryBlock(a) {
	return a.roles.every(r => /^[A-Z]{3}$/.test(r.code)) ||
	       a.names.some(n => countryNames.has(canon(n)));
}

// The date a Phoenix file was generated: what it knows stops there.
function generated(original) {
	const head = fs.readFileSync(original, 'utf8').slice(0, 2000);
	const m = head.match(/Generated at: \w+ (\w+) (\d+) [\d:]+ (\d{4})/);
	if (!m)
		return null;
	const mon = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(m[1]) / 3 + 1;
	return `${m[3]}-${String(mon).padStart(2, '0')}-${m[2].padStart(2, '0')}`;
}

// A national leader's six months in the chair of the EU Council (the
// rotating presidency): news still names him by his country.
function presidencyTerm(r) {
	if (r.code !== 'IGOEUREEC' || r.from === '-' || r.to === '-')
		return false;
	return (Date.parse(r.to) - Date.parse(r.from)) / 86400000 <= 190;
}

function fixRoles(a, asOf) {
	a.roles = a.roles.filter(r => {
		if (presidencyTerm(r)) {
			drop('roles dropped, IGOEUREEC for six months or less: a national leader in the ' +
			     'rotating chair of the EU Council, whom news still names by his country');
			return false;
		}
		const pre = r.code.slice(0, 3);
		if (filter.code.has(r.code) || filter.code.has(pre)) {
			drop(`roles dropped, coded ${r.code.length > 3 ? pre + '...' : r.code}: ` +
			     (filter.code.get(r.code) || filter.code.get(pre)));
			return false;
		}
		if (filter.recode.has(pre)) {
			const rc = filter.recode.get(pre);
			drop(`roles recoded ${pre} -> ${rc.to}: ${rc.reason}`);
			r.code = rc.to + r.code.slice(3);
		}
		// an open end in a dated file means "still so when it was made"
		if (asOf && r.to === '-' && r.from !== '-') {
			if (r.from > asOf)
				return true;
			r.to = asOf;
			drop(`open-ended roles closed at the file's date (${asOf}); ` +
			     'after it, an out-of-office role or the latest one applies', 1);
		}
		return true;
	});
}

function convertActors(file, asOf) {
	const out = [];
	for (const line of entries(fs.readFileSync(file, 'utf8'))) {
		const a = readActor(line);
		if (!a.roles.length || !a.names.length)
			continue;
		if (countryBlock(a)) {
			drop('actors dropped: entries of a country\'s names, cities and regions (the country ' +
			     'table\'s and the gazetteer\'s)');
			continue;
		}
		fixRoles(a, asOf);
		if (!a.roles.length)
			continue;
		const seen = new Set();
		a.names = a.names.map(n => n.replace(/^The\s+/i, '')).filter(n => {
			const k = canon(n);
			if (!k || seen.has(k))
				return false;
			seen.add(k);
			if (garbled(n)) {
				drop('actors dropped: garbled names (double-encoded UTF-8 in the source)');
				return false;
			}
			if (filter.name.has(k)) {
				drop(`actor names dropped: ${filter.name.get(k)}`);
				return false;
			}
			return true;
		});
		if (a.names.length)
			out.push(writeActor(a));
	}
	return out;
}

// ---------------------------------------------------------------- agents
// "word | plural+  [SECTORS]"
function convertAgents(file) {
	const out = [];
	for (const line of entries(fs.readFileSync(file, 'utf8'))) {
		const i = line.lastIndexOf('[');
		const sectors = line.slice(i);
		if (/\[(pronoun|skip|replace)/.test(sectors))
			continue;   // curlew's own grammar lines, which dict import keeps
		const words = line.slice(0, i).split('|').map(s => s.trim()).filter(w => {
			if (garbled(w)) {
				drop('agent phrases dropped: garbled phrases (double-encoded UTF-8 in the source)');
				return false;
			}
			const k = canon(w.replace(/\+$/, ''));
			if (filter.agent.has(k)) {
				drop(`agent phrases dropped: ${filter.agent.get(k)}`);
				return false;
			}
			return true;
		});
		if (words.length)
			out.push(`${words.join(' | ')}  ${sectors}`);
	}
	return out;
}

// The entry lines of a converted file: no comments, no blank lines.
function entries(text) {
	return text.split('\n').filter(l => l.trim() && !l.startsWith('#'));
}

// ----------------------------------------------------------------- write
const head = (kind, sources) => `# phoenix/${kind} -- converted from the Phoenix dictionaries of PETRARCH
# (${sources.join(', ')}; Open Event Data Alliance, MIT licence:
# see LICENSE beside this file) by curlew's own importer, "curlew dict
# import", and filtered by tools/import-phoenix.js; "make phoenix" rebuilds
# it from ../shared and README.md says what was dropped and why.  Do not
# edit: correct or add actors in data/${kind}, which always wins.  The
# format is data/${kind}'s.
`;

const actorLines = [], sources = [];
for (const spec of args.actors) {
	const [conv, original] = spec.split('=');
	sources.push(path.basename(original));
	const lines = convertActors(conv, generated(original));
	actorLines.push(`# ---- ${path.basename(original)}`, ...lines);
}
const agentLines = args.agents.flatMap(convertAgents);
fs.mkdirSync(args.out, { recursive: true });
fs.writeFileSync(path.join(args.out, 'actors.txt'),
	head('actors.txt', sources) + actorLines.join('\n') + '\n');
fs.writeFileSync(path.join(args.out, 'agents.txt'),
	head('agents.txt', ['Phoenix.agents.txt']) + agentLines.join('\n') + '\n');
const nActors = actorLines.filter(l => !l.startsWith('#')).length;
console.log(`kept: ${nActors} actor entries, ${agentLines.length} agent lines`);
for (const [why, n] of dropped)
	console.log(`${String(n).padStart(6)}  ${why}`);
