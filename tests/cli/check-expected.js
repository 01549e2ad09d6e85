#!/usr/bin/env node
// check-expected.js -- checks curlew's JSONL events against an expected.json
// (the format of ../shared/seed/expected.json): every "must" met by some
// event, no event matching a "must_not", and the limits.  Prints one line
// per check, "ok" or "FAIL", then "N passed, M failed"; exits 1 on failure.
//
//   node tests/cli/check-expected.js EXPECTED.json EVENTS.jsonl
//
// Plain Node, no packages, so it runs wherever `make deps` has put node.
'use strict';
const fs = require('fs');

// Text comparisons ignore runs of whitespace and curly-vs-straight quotes,
// which differ between a story file and its JSON-escaped sentence_text.
function norm(s) {
	return String(s)
		.replace(/[\u2018\u2019\u201b\u2032]/g, "'")
		.replace(/[\u201c\u201d\u201f\u2033]/g, '"')
		.replace(/\s+/g, ' ')
		.trim();
}

function contains(hay, needle) {
	return hay != null && norm(hay).includes(norm(needle));
}

// An actor's country for matching: "IGO" for international organisations
// (code starting with IGO), else the ISO3 country, else null.
function countryOf(actor) {
	if (!actor) return null;
	if (typeof actor.code === 'string' && actor.code.startsWith('IGO')) return 'IGO';
	return actor.country || null;
}

function countryOk(list, actor) {
	if (!Array.isArray(list)) list = [list];
	return list.some((want) => {
		if (want === null) return !actor || !actor.country && !String(actor.code || '').startsWith('IGO');
		if (want === 'IGO') return !!actor && String(actor.code || '').startsWith('IGO');
		return countryOf(actor) === want ||
			(!!actor && typeof actor.code === 'string' && actor.code.startsWith(want) && !actor.country);
	});
}

function sectorsOf(actor) {
	if (!actor) return [];
	if (Array.isArray(actor.sectors) && actor.sectors.length) return actor.sectors;
	// Fall back on the code: the three-letter groups after the country.
	const code = String(actor.code || '');
	const out = [];
	for (let i = 3; i + 3 <= code.length; i += 3) out.push(code.slice(i, i + 3));
	return out;
}

function rootOf(ev) {
	return String(ev.cameo || '').slice(0, 2);
}

// Does the event meet every field the rule names, with source/target as given?
function matchDirected(rule, ev, src, tgt) {
	if (rule.source_country !== undefined && !countryOk(rule.source_country, src)) return false;
	if (rule.source_sector !== undefined) {
		const want = [].concat(rule.source_sector);
		if (!sectorsOf(src).some((s) => want.includes(s))) return false;
	}
	if (rule.target_country !== undefined && !countryOk(rule.target_country, tgt)) return false;
	if (rule.target_sector !== undefined) {
		const want = [].concat(rule.target_sector);
		if (!sectorsOf(tgt).some((s) => want.includes(s))) return false;
	}
	if (rule.source_text_contains !== undefined && !(src && contains(src.text, rule.source_text_contains)))
		return false;
	if (rule.target_text_contains !== undefined && !(tgt && contains(tgt.text, rule.target_text_contains)))
		return false;
	return true;
}

function matches(rule, ev) {
	if (rule.root !== undefined && ![].concat(rule.root).includes(rootOf(ev))) return false;
	if (rule.cameo !== undefined && ![].concat(rule.cameo).some((c) => String(ev.cameo).startsWith(c)))
		return false;
	if (rule.date !== undefined && ![].concat(rule.date).includes(ev.date)) return false;
	const loc = ev.location || null;
	if (rule.location_country !== undefined &&
	    !(loc && [].concat(rule.location_country).includes(loc.country)))
		return false;
	if (rule.location_text_contains !== undefined && !(loc && contains(loc.text, rule.location_text_contains)))
		return false;
	if (rule.sentence_contains !== undefined && !contains(ev.sentence_text, rule.sentence_contains))
		return false;
	if (rule.actor_text_contains !== undefined) {
		const t = rule.actor_text_contains;
		if (!(ev.source && contains(ev.source.text, t)) && !(ev.target && contains(ev.target.text, t)))
			return false;
	}
	const src = ev.source || null;
	const tgt = ev.target || null;
	if (matchDirected(rule, ev, src, tgt)) return true;
	return rule.either_direction === true && matchDirected(rule, ev, tgt, src);
}

function brief(ev) {
	const code = (a) => (a ? a.code : '-');
	return `${ev.event_id || '?'} ${code(ev.source)} ${ev.cameo} ${code(ev.target)} ${ev.date || '-'}` +
		(ev.location ? ` @${ev.location.country || '-'}` : '');
}

function readEvents(path, report) {
	const events = [];
	let lineno = 0;
	for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
		lineno++;
		if (!line.trim()) continue;
		try {
			events.push(JSON.parse(line));
		} catch (e) {
			report(false, `output line ${lineno} is valid JSON`, e.message);
		}
	}
	return events;
}

function main(argv) {
	if (argv.length !== 2) {
		process.stderr.write('usage: node check-expected.js EXPECTED.json EVENTS.jsonl\n');
		return 1;
	}
	const expected = JSON.parse(fs.readFileSync(argv[0], 'utf8'));
	let pass = 0;
	let fail = 0;
	const report = (ok, what, detail) => {
		if (ok) pass++;
		else fail++;
		console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail && !ok ? `\n       ${detail}` : ''}`);
	};
	const events = readEvents(argv[1], report);

	(expected.must || []).forEach((rule, i) => {
		const hit = events.find((ev) => matches(rule, ev));
		let detail = '';
		if (!hit) {
			// Show what was coded for that sentence, so a failure is easy to read.
			const near = rule.sentence_contains !== undefined
				? events.filter((ev) => contains(ev.sentence_text, rule.sentence_contains)) : [];
			detail = near.length ? 'coded in that sentence: ' + near.map(brief).join('; ')
				: 'nothing coded in that sentence';
		}
		report(!!hit, `must ${i + 1}: ${rule.why || JSON.stringify(rule)}` + (hit ? ` [${brief(hit)}]` : ''), detail);
	});

	(expected.must_not || []).forEach((rule, i) => {
		const bad = events.filter((ev) => matches(rule, ev));
		report(bad.length === 0, `must_not ${i + 1}: ${rule.why || JSON.stringify(rule)}`,
			'offending: ' + bad.map(brief).join('; '));
	});

	const limits = expected.limits || {};
	if (limits.max_events !== undefined)
		report(events.length <= limits.max_events,
			`limits: at most ${limits.max_events} events (got ${events.length})`);
	if (limits.min_events !== undefined)
		report(events.length >= limits.min_events,
			`limits: at least ${limits.min_events} events (got ${events.length})`);
	if (Array.isArray(limits.every_event_has)) {
		// A field is had when present and neither null nor empty.
		const missing = [];
		for (const ev of events)
			for (const f of limits.every_event_has)
				if (ev[f] === undefined || ev[f] === null || ev[f] === '')
					missing.push(`${ev.event_id || '?'} lacks ${f}`);
		report(missing.length === 0, `limits: every event has ${limits.every_event_has.join(', ')}`,
			missing.slice(0, 10).join('; '));
	}

	console.log(`${pass} passed, ${fail} failed`);
	return fail ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
