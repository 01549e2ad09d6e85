#!/usr/bin/env node
/*
 * api.js -- curlew serve's API and HTTP side, against a running server
 * (tests/cli/serve_api.sh starts it):
 *
 *   node tests/web/api.js check URL BIN STORE EVENTS.jsonl
 *       hostile parameters (SQL metacharacters, bad dates, huge limits,
 *       path traversal, overlong URLs, other methods and hosts) get 4xx
 *       with a JSON message and never a 5xx; the records are the ones
 *       `curlew code` writes; filters, counts, dyads, places and the CSV
 *       agree with the store read directly and with `curlew query`.
 *   node tests/web/api.js same URL1 URL2
 *       two servers (SQLite and PostgreSQL) answer alike.
 *   node tests/web/api.js rate URL
 *       a server run with --rate 5 answers 429 past its rate, then again.
 *
 * Only loopback addresses are contacted.  Ends "N passed, M failed".
 */
'use strict';
const http = require('http');
const net = require('net');
const { execFileSync } = require('child_process');
const fs = require('fs');

let pass = 0, fail = 0;
function ok(cond, what) {
	if (cond) {
		pass++;
		if (!process.env.TALLY_QUIET)
			console.log('ok   ' + what);
	} else {
		fail++;
		console.log('FAIL ' + what);
	}
}
function finish() {
	console.log(`${pass} passed, ${fail} failed`);
	process.exit(fail ? 1 : 0);
}

/* A request with the path exactly as given (no normalising of ../). */
function request(base, path, opts = {}) {
	const u = new URL(base);
	if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname))
		throw new Error('only loopback addresses are tested');
	return new Promise((resolve, reject) => {
		const req = http.request({ host: u.hostname, port: u.port, path, method: opts.method || 'GET',
			headers: opts.headers || {}, agent: false }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers,
				body: Buffer.concat(chunks).toString('utf8') }));
		});
		req.setTimeout(20000, () => req.destroy(new Error('timeout')));
		req.on('error', reject);
		if (opts.body)
			req.write(opts.body);
		req.end();
	});
}

/* Raw bytes on a socket, for what http.request refuses to send. */
function raw(base, text) {
	const u = new URL(base);
	return new Promise((resolve) => {
		const s = net.connect({ host: u.hostname, port: Number(u.port) });
		const chunks = [];
		s.on('data', (c) => chunks.push(c));
		s.on('error', () => resolve(Buffer.concat(chunks).toString('latin1')));
		s.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
		s.setTimeout(20000, () => s.destroy());
		s.write(text, 'latin1');
	});
}

function json(res) {
	try {
		return JSON.parse(res.body);
	} catch (e) {
		return null;
	}
}

const get = (base, path) => request(base, path);

/* ------------------------------------------------------------ hostile */

const HOSTILE = [
	// SQL metacharacters where codes are wanted
	['events?country=' + encodeURIComponent("'; DROP TABLE events; --"), 400],
	['events?country=' + encodeURIComponent("UKR' OR '1'='1"), 400],
	['events?actor=' + encodeURIComponent("RUS' OR 1=1 --"), 400],
	['events?actor=' + encodeURIComponent('RUS%'), 400],
	['events?source=' + encodeURIComponent('UKR;'), 400],
	['events?location=' + encodeURIComponent('")--'), 400],
	['events?root=' + encodeURIComponent("01' OR '1"), 400],
	['events?quad=' + encodeURIComponent('1 OR 1=1'), 400],
	['counts?by=' + encodeURIComponent('day; DELETE FROM events'), 400],
	['counts?class=' + encodeURIComponent('root) --'), 400],
	// bad dates
	['events?from=2024-02-30', 400], ['events?from=2023-02-29', 400], ['events?to=2024-13-01', 400],
	['events?from=20240101', 400], ['events?from=2024-1-1', 400], ['events?to=', 400],
	['events?from=' + encodeURIComponent("2024-01-01' --"), 400],
	['events?from=2024-06-01&to=2024-01-01', 400], ['events?from=%EF%BC%92024-01-01', 400],
	// counts that are not counts
	['events?limit=-1', 400], ['events?limit=0', 400], ['events?limit=abc', 400],
	['events?limit=1e3', 400], ['events?limit=' + '9'.repeat(100), 400],
	['events?offset=-5', 400], ['events?offset=99999999999', 400], ['events?offset=1.5', 400],
	['dyads?limit=0', 400], ['places?limit=x', 400],
	// other values
	['events?root=21', 400], ['events?root=1', 400], ['events?root=00', 400], ['events?quad=5', 400],
	['events?country=UK', 400], ['events?country=UKRA', 400], ['counts?by=hour', 400],
	['counts?dyad=2', 400], ['counts?one_a_day=yes', 400],
	// search words that are nothing to search for, or not text
	['events?q=', 400], ['events?q=' + encodeURIComponent('* -- ()'), 400],
	['events?q=' + encodeURIComponent('%_%'), 400], ['events?q=' + encodeURIComponent('"" ""'), 400],
	['events?q=%00', 400], ['events?q=talks%00DROP', 400], ['events?q=%FF%FE', 400],
	['events?q=%0Atalks', 400], ['events?q=' + 'a'.repeat(300), 400],
	// parameters that are not there, or twice, or too many
	['events?bogus=1', 400], ['events?limit=5&limit=6', 400], ['summary?x=1', 400],
	['events?' + Array.from({ length: 40 }, (_, i) => 'p' + i + '=1').join('&'), 400],
	['events?=1', 400], ['counts?limit=5', 400], ['events?by=day', 400],
	// endpoints that are not there
	['nope', 404], ['events/../summary', 404], ['', 404], ['events.json', 404],
];

/* Search words full of FTS5 and SQL syntax are words all the same. */
const SEARCHES = ["'; DROP TABLE events; --", '"unbalanced', 'NEAR(talks', 'talks OR', 'OR talks',
	'a AND OR NOT b', 'ceasefire*', '{col}: x', 'Ukraine\'s', 'Kyiv -- ceasefire', '\\x', 'talks ceasefire OR rejected', 'Mali’s'];

const TRAVERSAL = ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd',
	'/vendor/../../Makefile', '/vendor/..%2f..%2fMakefile', '//etc/passwd', '/app.js/../../Makefile',
	'/index.html', '/web/app.js', '/vendor/', '/vendor/countries-110m.json/..', '/.git/config',
	'/app.js%00.html', '/APP.JS', '/app.js.', '/node_modules/world-atlas/package.json',
	'/vendor/%2e%2e/app.js', '/%5c..%5cMakefile', '/api/../app.js', '/./app.js'];

async function hostile(base) {
	let fivexx = 0;
	for (const [path, want] of HOSTILE) {
		const res = await get(base, '/api/' + path);
		const j = json(res);
		ok(res.status === want && j && typeof j.error === 'string' && j.error.length > 0,
			`${res.status} ${j && j.error} <- /api/${path.slice(0, 70)}`);
		if (res.status >= 500)
			fivexx++;
	}
	for (const q of SEARCHES) {
		const res = await get(base, '/api/events?q=' + encodeURIComponent(q));
		ok(res.status === 200 && json(res) && Array.isArray(json(res).events),
			`search ${JSON.stringify(q)}: 200 with events (${json(res) && json(res).total})`);
		for (const ep of ['counts', 'dyads', 'places', 'events.csv']) {
			const c = await get(base, `/api/${ep}?q=` + encodeURIComponent(q));
			ok(c.status === 200, `${ep} with search ${JSON.stringify(q)}: 200`);
			if (c.status >= 500)
				fivexx++;
		}
		if (res.status >= 500)
			fivexx++;
	}
	for (const path of TRAVERSAL) {
		const res = await get(base, path);
		ok(res.status === 404 && !/root:|\[core\]|CURLEW|world-atlas/.test(res.body),
			`${res.status} <- ${path}`);
	}
	for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
		const res = await request(base, '/api/events', { method, body: method === 'POST' ? 'x=1' : null,
			headers: method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {} });
		ok(res.status === 405, `${method} /api/events: ${res.status}`);
	}
	const evil = await request(base, '/api/events', { headers: { Host: 'evil.example:80' } });
	ok(evil.status === 421, `a foreign Host header (DNS rebinding): ${evil.status}`);
	const local = await request(base, '/api/summary', { headers: { Host: 'localhost' } });
	ok(local.status === 200, `Host: localhost is this machine: ${local.status}`);
	// an overlong URL: refused whole, with a 4xx or a closed connection
	for (const n of [3000, 20000, 200000]) {
		const reply = await raw(base, `GET /api/events?q=${'a'.repeat(n)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
		const m = /^HTTP\/1\.[01] (\d{3})/.exec(reply);
		ok(!m || (Number(m[1]) >= 400 && Number(m[1]) < 500),
			`a URL of ${n} bytes: ${m ? m[1] : 'connection closed'}`);
	}
	const fat = await raw(base, 'GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
		Array.from({ length: 400 }, (_, i) => `X-Pad-${i}: ${'b'.repeat(100)}\r\n`).join('') + '\r\n');
	const fm = /^HTTP\/1\.[01] (\d{3})/.exec(fat);
	ok(!fm || (Number(fm[1]) >= 400 && Number(fm[1]) < 500), `40 KB of headers: ${fm ? fm[1] : 'closed'}`);
	const junk = await raw(base, 'GARBAGE\r\n\r\n');
	const jm = /^HTTP\/1\.[01] (\d{3})/.exec(junk);
	ok(!jm || Number(jm[1]) < 500, `a request line that is no HTTP: ${jm ? jm[1] : 'closed'}`);
	ok(fivexx === 0, 'no 5xx answer to anything above');
	const alive = await get(base, '/api/summary');
	ok(alive.status === 200, 'the server still answers after all that');
}

/* ------------------------------------------------------------ the records */

function sql(store, q) {
	return execFileSync('sqlite3', [store, q], { encoding: 'utf8' }).trim();
}

async function records(base, store, jsonl) {
	const want = new Map(fs.readFileSync(jsonl, 'utf8').split('\n').filter(Boolean)
		.map((l) => [JSON.parse(l).event_id, l]));
	const res = await get(base, '/api/events?limit=500');
	const page = json(res);
	ok(res.status === 200 && /application\/json/.test(res.headers['content-type']),
		'events: 200, JSON');
	ok(page.total === want.size && page.events.length === want.size,
		`events: all ${want.size} events (${page.total})`);
	const offsets = page.events.every((r) => {
		const bytes = Buffer.from(r.sentence_text, 'utf8');
		const t = r.trigger;
		return bytes.slice(t.start - r.sentence_start, t.end - r.sentence_start).toString() === t.text;
	});
	ok(offsets, 'sentence_start + the trigger offsets find the trigger in the sentence');
	let same = 0;
	for (const r0 of page.events) {
		const r = Object.assign({}, r0);
		const start = r.sentence_start;
		delete r.sentence_start;
		const line = want.get(r.event_id);
		if (line && JSON.stringify(r) === JSON.stringify(JSON.parse(line)))
			same++;
		else
			console.log('  differs: ' + r.event_id + '\n   api:  ' + JSON.stringify(r) + '\n   code: ' + line);
		if (typeof start !== 'number')
			console.log('  no sentence_start: ' + r.event_id);
	}
	ok(same === want.size, `every record is the one curlew code writes (${same}/${want.size})`);
	// the JSON text too, not only its values: numbers as the writer prints them
	const text = res.body;
	let verbatim = 0;
	for (const line of want.values())
		if (text.includes(line.replace(/\}$/, ',"sentence_start":')))
			verbatim++;
	ok(verbatim === want.size, `... byte for byte (${verbatim}/${want.size})`);
	const dates = page.events.map((r) => r.date || '');
	ok(dates.every((d, i) => i === 0 || d <= dates[i - 1] || d === ''), 'newest first');
	const five = json(await get(base, '/api/events?limit=5'));
	ok(five.events.length === 5 && five.limit === 5, 'limit=5: five records');
	const huge = json(await get(base, '/api/events?limit=1000000'));
	ok(huge.limit === 500 && huge.events.length === want.size, 'limit=1000000 is capped at 500');
	const past = json(await get(base, '/api/events?offset=1000'));
	ok(past.events.length === 0 && past.total === want.size, 'an offset past the end: no records');
	const p1 = json(await get(base, '/api/events?limit=10&offset=0'));
	const p2 = json(await get(base, '/api/events?limit=10&offset=10'));
	ok(p1.events[9].event_id === page.events[9].event_id &&
	   p2.events[0].event_id === page.events[10].event_id, 'pages follow one another');

	// each filter against the store read directly
	const filters = [
		['country=UKR', "source_country='UKR' OR target_country='UKR' OR location_country='UKR'"],
		['country=ukr', "source_country='UKR' OR target_country='UKR' OR location_country='UKR'"],
		['location=CHE', "location_country='CHE'"],
		['source=UKR&target=RUS', "source_country='UKR' AND target_country='RUS'"],
		['source=MLI&target=-', "source_country='MLI' AND target_country IS NULL"],
		['actor=RUS', "substr(source_code,1,3)='RUS' OR substr(target_code,1,3)='RUS'"],
		['actor=UKRGOV', "substr(source_code,1,6)='UKRGOV' OR substr(target_code,1,6)='UKRGOV'"],
		['root=04', "root='04'"], ['quad=4', 'quad_class=4'],
		['from=2024-03-01&to=2024-03-31', "date BETWEEN '2024-03-01' AND '2024-03-31'"],
		['from=2024-04-01', "date >= '2024-04-01'"],
		['q=ceasefire', "(story_id, sentence) IN (SELECT story_id, sentence FROM sentences WHERE text LIKE '%ceasefire%')"],
		['q=talks%20OR%20ceasefire', "(story_id, sentence) IN (SELECT story_id, sentence FROM sentences WHERE text LIKE '%talks%' OR text LIKE '%ceasefire%')"],
		['country=UKR&quad=1&from=2024-03-04&to=2024-03-04',
			"(source_country='UKR' OR target_country='UKR' OR location_country='UKR') AND quad_class=1 AND date='2024-03-04'"],
	];
	for (const [qs, where] of filters) {
		const got = json(await get(base, '/api/events?limit=500&' + qs));
		const want2 = sql(store, `SELECT event_id FROM events WHERE ${where} ORDER BY event_id`)
			.split('\n').filter(Boolean);
		const ids = got.events.map((r) => r.event_id).sort();
		ok(got.total === want2.length && JSON.stringify(ids) === JSON.stringify(want2.sort()) &&
		   want2.length > 0, `filter ${qs}: ${got.total} events, as the store has them`);
	}
}

async function aggregates(base, bin, store) {
	// counts: the figures of curlew query
	for (const [qs, args] of [['by=month&class=quad', ['--by', 'month', '--class', 'quad', '--no-dyad']],
		['by=week&class=root&dyad=1', ['--by', 'week', '--class', 'root']],
		['by=day&class=none&one_a_day=1', ['--by', 'day', '--class', 'none', '--no-dyad', '--one-a-day']],
		['by=all&class=cameo&dyad=true', ['--by', 'all', '--class', 'cameo']]]) {
		const got = json(await get(base, '/api/counts?' + qs));
		const csv = execFileSync(bin, ['query', '--db', store, ...args, 'goldstein'], { encoding: 'utf8' })
			.trim().split('\n');
		const cols = csv[0].split(',');
		const mine = got.rows.map((r) => cols.map((c) => {
			const v = r[c];
			return v === null ? '' : c === 'goldstein_sum' ? v.toFixed(1)
				: c === 'goldstein_mean' ? v.toFixed(3) : String(v);
		}).join(','));
		ok(JSON.stringify(mine) === JSON.stringify(csv.slice(1)),
			`counts ${qs} = curlew query ${args.join(' ')} goldstein (${mine.length} rows)`);
	}
	const f = json(await get(base, '/api/counts?by=all&class=none&country=UKR'));
	const n = Number(sql(store, "SELECT COUNT(*) FROM events WHERE date IS NOT NULL AND " +
		"(source_country='UKR' OR target_country='UKR' OR location_country='UKR')"));
	ok(f.rows.length === 1 && f.rows[0].events === n, `counts follow the filters (${n})`);
	const d = json(await get(base, '/api/dyads?limit=200'));
	const dn = sql(store, "SELECT COUNT(*) FROM (SELECT DISTINCT COALESCE(source_country,''), " +
		"COALESCE(target_country,'') FROM events)");
	ok(d.dyads.length === Number(dn) && d.dyads.reduce((s, r) => s + r.events, 0) ===
		Number(sql(store, 'SELECT COUNT(*) FROM events')), `dyads: ${dn} pairs, every event once`);
	ok(d.dyads.every((r, i) => i === 0 || r.events <= d.dyads[i - 1].events), 'dyads: most first');
	const p = json(await get(base, '/api/places'));
	ok(p.places.reduce((s, r) => s + r.events, 0) ===
		Number(sql(store, 'SELECT COUNT(*) FROM events WHERE lat IS NOT NULL')),
		'places: every located event once');
	ok(p.countries.reduce((s, r) => s + r.events, 0) ===
		Number(sql(store, 'SELECT COUNT(*) FROM events WHERE location_country IS NOT NULL')),
		'countries: every event with a country once');
	const s = json(await get(base, '/api/summary'));
	ok(s.events === Number(sql(store, 'SELECT COUNT(*) FROM events')) && s.stories > 0,
		`summary: ${s.stories} stories, ${s.events} events`);
	// the CSV: the TSV's columns, the filter's rows
	const csv = await get(base, '/api/events.csv?country=UKR');
	const tsvHead = execFileSync(bin, ['code', '--format', 'tsv'], { input: '', encoding: 'utf8' })
		.split('\n')[0].replace(/\t/g, ',');
	ok(csv.status === 200 && /text\/csv/.test(csv.headers['content-type']) &&
	   /attachment/.test(csv.headers['content-disposition'] || ''), 'CSV: 200, text/csv, a download');
	ok(csv.body.split('\n')[0] === tsvHead, 'CSV header = the TSV header of curlew code');
	const rows = csv.body.trim().split('\n').length - 1;
	const ukr = json(await get(base, '/api/events?country=UKR')).total;
	ok(rows === ukr, `CSV rows = the filter's events (${rows})`);
}

async function headers(base) {
	const page = await get(base, '/');
	ok(page.status === 200 && /<title>curlew/.test(page.body) && /text\/html/.test(page.headers['content-type']),
		'/ is the page');
	ok(/default-src 'self'/.test(page.headers['content-security-policy'] || ''),
		'the page may load nothing but this server\'s files (CSP)');
	ok(page.headers['x-content-type-options'] === 'nosniff', 'nosniff');
	for (const a of ['/app.js', '/app.css', '/vendor/topojson-client.min.js',
		'/vendor/countries-110m.json', '/vendor/country-codes.json']) {
		const r = await get(base, a);
		ok(r.status === 200 && r.body.length > 100, `${a}: 200`);
	}
	const head = await request(base, '/api/summary', { method: 'HEAD' });
	ok(head.status === 200 && head.body === '', 'HEAD: 200, no body');
}

async function same(a, b) {
	const paths = ['/api/summary', '/api/events?limit=500', '/api/events?country=UKR&limit=7&offset=2',
		'/api/events?quad=3', '/api/events?actor=RUS', '/api/events?source=MLI&target=-',
		'/api/events?from=2024-03-01&to=2024-03-31', '/api/counts?by=month&class=quad',
		'/api/counts?by=week&class=root&dyad=1&one_a_day=1', '/api/counts?by=all&class=cameo&location=CHE',
		'/api/dyads', '/api/dyads?root=04', '/api/places', '/api/places?quad=4',
		'/api/events.csv', '/api/events?q=ceasefire', '/api/events?from=2024-02-30'];
	for (const p of paths) {
		const [x, y] = await Promise.all([get(a, p), get(b, p)]);
		ok(x.status === y.status && x.body === y.body, `SQLite = PostgreSQL: ${p} (${x.status})`);
		if (x.body !== y.body)
			console.log('  sqlite: ' + x.body.slice(0, 300) + '\n  pg:     ' + y.body.slice(0, 300));
	}
}

async function rate(base) {
	const codes = [];
	for (let i = 0; i < 30; i++)
		codes.push((await get(base, '/api/summary')).status);
	const over = codes.filter((c) => c === 429).length;
	ok(over >= 10 && codes.filter((c) => c === 200).length >= 5,
		`30 requests at once to a server of 5 a second: ${30 - over} answered, ${over} told 429`);
	const r = await get(base, '/api/summary');
	ok(r.status === 429 && r.headers['retry-after'] === '1' && json(r).error, '429 says when to retry');
	await new Promise((res) => setTimeout(res, 1500));
	ok((await get(base, '/api/summary')).status === 200, 'a second later it answers again');
}

async function main() {
	const [mode, ...a] = process.argv.slice(2);
	if (mode === 'check') {
		await headers(a[0]);
		await hostile(a[0]);
		await records(a[0], a[2], a[3]);
		await aggregates(a[0], a[1], a[2]);
	} else if (mode === 'same') {
		await same(a[0], a[1]);
	} else if (mode === 'rate') {
		await rate(a[0]);
	} else {
		console.error('usage: api.js check URL BIN STORE EVENTS.jsonl | same URL1 URL2 | rate URL');
		process.exit(2);
	}
	finish();
}

main().catch((e) => {
	console.log('FAIL ' + (e.stack || e));
	fail++;
	finish();
});
