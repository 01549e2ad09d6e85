#!/usr/bin/env node
/*
 * places.js -- the place test set's tools (see README.md).
 *
 *   node tests/places/places.js build
 *       stories.txt + places.tsv -> dev.jsonl and heldout.jsonl (gold with
 *       byte offsets; the text curlew reads has the markup removed), and
 *       new.jsonl while stories are still marked set=new
 *   node tests/places/places.js split SEED
 *       gives every story still marked set=new in stories.txt its part: a
 *       shuffle seeded by SEED puts 60% in dev and the rest held aside, so
 *       that nobody chooses which stories are tuned on
 *   node tests/places/places.js score BIN GOLD.jsonl [MIN_F1 MIN_ACC MIN_COUNTRY]
 *       codes GOLD's stories with BIN (`code --format places` and the event
 *       records), prints recognition P/R/F1 by span overlap, resolution
 *       (country right, within 161 km) of the recognised mentions, and the
 *       event locations; with the three minimums it exits 1 below any.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const DIR = __dirname;
const KM = 161;    /* 100 miles: the field's usual accuracy radius */

function die(msg) {
	process.stderr.write('places.js: ' + msg + '\n');
	process.exit(2);
}

function readTable() {
	const t = {};
	for (const line of fs.readFileSync(path.join(DIR, 'places.tsv'), 'utf8').split('\n')) {
		if (!line || line.startsWith('#'))
			continue;
		const [key, name, country, lat, lon, feature] = line.split('\t');
		t[key] = { key, name, country: country === '-' ? null : country,
			   lat: +lat, lon: +lon, feature };
	}
	return t;
}

/* One story's markup -> its text and gold, offsets in UTF-8 bytes. */
function parseStory(head, body, table) {
	const attrs = {};
	for (const m of head.matchAll(/(\w+)=(\S+)/g))
		attrs[m[1]] = m[2];
	let text = '', places = [], events = [];
	const re = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]|\{\{([^@}]+)@([^}]+)\}\}/g;
	let last = 0, m;
	const bytes = s => Buffer.byteLength(s, 'utf8');
	while ((m = re.exec(body))) {
		text += body.slice(last, m.index);
		last = re.lastIndex;
		const start = bytes(text);
		const surface = m[1] !== undefined ? m[1] : m[3];
		text += surface;
		const end = bytes(text);
		const key = m[1] !== undefined ? (m[2] || m[1]) : m[4];
		const sense = key === '-' ? null : table[key];
		if (key !== '-' && !sense)
			die(`story ${attrs.id}: no key "${key}" in places.tsv`);
		if (m[1] !== undefined)
			places.push(Object.assign({ text: surface, start, end }, sense));
		else
			events.push({ trigger: surface, start, end, location: sense });
	}
	text += body.slice(last);
	return { id: attrs.id, date: attrs.date, set: attrs.set, text: text.trim(), places, events };
}

function build() {
	const table = readTable();
	const src = fs.readFileSync(path.join(DIR, 'stories.txt'), 'utf8');
	/* set=new stories (written, not yet placed) go to new.jsonl, so that
	 * a round can be scored untuned before it is split or put in dev. */
	const out = { dev: [], heldout: [], new: [] };
	const parts = src.split(/^=== /m).slice(1);
	for (const p of parts) {
		const nl = p.indexOf('\n');
		const st = parseStory(p.slice(0, nl), p.slice(nl + 1).replace(/^#.*$/mg, ''), table);
		if (!out[st.set])
			die(`story ${st.id}: set must be dev or heldout`);
		out[st.set].push(st);
	}
	for (const set of Object.keys(out)) {
		if (set === 'new' && !out[set].length) {
			fs.rmSync(path.join(DIR, 'new.jsonl'), { force: true });
			continue;
		}
		fs.writeFileSync(path.join(DIR, set + '.jsonl'),
				 out[set].map(s => JSON.stringify(s)).join('\n') + '\n');
		const n = out[set].reduce((a, s) => a + s.places.length, 0);
		const e = out[set].reduce((a, s) => a + s.events.length, 0);
		console.log(`${set}: ${out[set].length} stories, ${n} place mentions, ${e} events`);
	}
}

/* mulberry32: a small seeded generator, so that a split can be redone. */
function seeded(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6D2B79F5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const DEV_SHARE = 0.6;	/* the brief: about 60/40 between dev and held aside */

function split(seed) {
	const file = path.join(DIR, 'stories.txt');
	const src = fs.readFileSync(file, 'utf8');
	const ids = [...src.matchAll(/^=== id=(\S+) .*set=new$/mg)].map(m => m[1]);
	const rnd = seeded(seed);
	for (let i = ids.length - 1; i > 0; i--) {
		const j = Math.floor(rnd() * (i + 1));
		[ids[i], ids[j]] = [ids[j], ids[i]];
	}
	const dev = new Set(ids.slice(0, Math.round(ids.length * DEV_SHARE)));
	const out = src.replace(/^(=== id=(\S+) .*set=)new$/mg,
				(_, head, id) => head + (dev.has(id) ? 'dev' : 'heldout'));
	fs.writeFileSync(file, out);
	console.log(`split ${ids.length} new stories with seed ${seed}: ${dev.size} dev, ${ids.length - dev.size} held aside`);
}

function km(a, b) {
	const r = Math.PI / 180, la1 = a.lat * r, la2 = b.lat * r;
	const h = Math.sin((la2 - la1) / 2) ** 2 +
		  Math.cos(la1) * Math.cos(la2) * Math.sin((b.lon - a.lon) * r / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function runCurlew(bin, gold, format) {
	const input = gold.map(s => JSON.stringify({ id: s.id, date: s.date, text: s.text })).join('\n') + '\n';
	const args = ['code', '--input', 'jsonl', '--quiet'];
	if (format)
		args.push('--format', format);
	const out = execFileSync(bin, args, { input, maxBuffer: 64 << 20 }).toString();
	return out.split('\n').filter(Boolean).map(l => JSON.parse(l));
}

const pct = (a, b) => b ? (a / b).toFixed(3) : 'n/a';

/* Resolution of one predicted place against a gold sense. */
function judge(pred, gold, acc) {
	acc.n++;
	if ((pred.country || null) === (gold.country || null))
		acc.country++;
	if (pred.lat != null && km(pred, gold) <= KM)
		acc.near++;
}

function score(bin, goldPath, mins) {
	const gold = fs.readFileSync(goldPath, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
	const byStory = {};
	let placesOut = [];
	try {
		placesOut = runCurlew(bin, gold, 'places');
	} catch (e) {
		console.log(`(${bin} has no --format places: every mention counts as missed)`);
	}
	for (const p of placesOut)
		(byStory[p.story_id] = byStory[p.story_id] || []).push(p);
	let tp = 0, npred = 0, ngold = 0;
	const res = { n: 0, country: 0, near: 0 };
	const misses = [];
	for (const s of gold) {
		const pred = byStory[s.id] || [];
		npred += pred.length;
		ngold += s.places.length;
		const used = new Set();
		for (const g of s.places) {
			const k = pred.findIndex((p, i) => !used.has(i) && p.start < g.end && g.start < p.end);
			if (k < 0) {
				misses.push(`${s.id}: missed "${g.text}"`);
				continue;
			}
			used.add(k);
			tp++;
			const before = res.country + res.near;
			judge(pred[k], g, res);
			if (res.country + res.near - before < 2)
				misses.push(`${s.id}: "${g.text}" resolved to ${pred[k].name} (${pred[k].country}) not ${g.name} (${g.country})`);
		}
		pred.forEach((p, i) => used.has(i) || misses.push(`${s.id}: spurious "${p.text}" (${p.name}, ${p.country})`));
	}
	const P = npred ? tp / npred : 0, R = ngold ? tp / ngold : 0, F = P + R ? 2 * P * R / (P + R) : 0;
	console.log(`recognition: ${ngold} gold mentions, ${npred} found, precision ${P.toFixed(3)}, recall ${R.toFixed(3)}, F1 ${F.toFixed(3)}`);
	console.log(`resolution of recognised mentions: country right ${pct(res.country, res.n)}, within ${KM} km ${pct(res.near, res.n)} (${res.n})`);

	const evs = runCurlew(bin, gold, null);
	const ev = { n: 0, country: 0, near: 0 };
	let coded = 0, located = 0, total = 0;
	for (const s of gold) {
		const mine = evs.filter(e => e.story_id === s.id);
		/* one to one, as for mentions: an event matched by its trigger
		 * is not also the stand-in for another gold event of its sentence */
		const taken = new Set();
		const byTrigger = s.events.map(g => {
			const e = mine.find(x => !taken.has(x) && x.trigger.start < g.end && g.start < x.trigger.end);
			if (e)
				taken.add(e);
			return e;
		});
		for (const [gi, g] of s.events.entries()) {
			total++;
			let e = byTrigger[gi];
			if (!e) {
				/* any event of the gold trigger's sentence not matched yet */
				e = mine.find(x => {
					const at = Buffer.from(s.text).indexOf(Buffer.from(x.sentence_text));
					return !taken.has(x) && at >= 0 && at <= g.start &&
					       g.end <= at + Buffer.byteLength(x.sentence_text);
				});
				if (e)
					taken.add(e);
			}
			if (!e) {
				misses.push(`${s.id}: event "${g.trigger}" not coded`);
				continue;
			}
			coded++;
			if (!g.location)
				continue;
			const loc = e.location;
			if (loc)
				located++;
			const before = ev.country + ev.near;
			judge(loc || { country: undefined, lat: null }, g.location, ev);
			if (ev.country + ev.near - before < 2)
				misses.push(`${s.id}: event "${g.trigger}" located at ${loc ? loc.text + ' (' + loc.country + ')' : 'nothing'}, gold ${g.location.name} (${g.location.country})`);
		}
	}
	console.log(`event locations: ${total} gold events, ${coded} coded, ${located} located; country right ${pct(ev.country, ev.n)}, within ${KM} km ${pct(ev.near, ev.n)} (${ev.n})`);
	if (process.env.PLACES_SHOW)
		misses.forEach(m => console.log('  ' + m));
	if (mins.length === 3) {
		const ok = F >= mins[0] && ev.n && ev.near / ev.n >= mins[1] && ev.country / ev.n >= mins[2];
		if (!ok) {
			console.log(`below the minimums (F1 ${mins[0]}, accuracy@${KM}km ${mins[1]}, country ${mins[2]})`);
			process.exit(1);
		}
	}
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'build')
	build();
else if (cmd === 'split' && rest.length === 1)
	split(Number(rest[0]));
else if (cmd === 'score' && rest.length >= 2)
	score(rest[0], rest[1], rest.slice(2).map(Number));
else
	die('usage: places.js build | split SEED | score BIN GOLD.jsonl [MIN_F1 MIN_ACC MIN_COUNTRY]');
