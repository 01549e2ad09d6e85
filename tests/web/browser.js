#!/usr/bin/env node
/*
 * browser.js -- curlew serve's page in a real browser: Debian's Chromium,
 * headless, driven by playwright-core (tests/cli/serve_browser.sh starts
 * the server over the demo stories):
 *
 *   node tests/web/browser.js URL [SCREENSHOT.png]
 *
 * The page loads with nothing from outside this server and no script
 * error; the table shows the store's events newest first with the source,
 * trigger and target marked at the record's offsets; the timeline, map and
 * dyads are drawn; a filter applies to every view; clicking a timeline bar,
 * a pair or a country narrows the table to it; the CSV link follows the
 * filter; a bad filter is said, not crashed on.  Ends "N passed, M failed"
 * (or one "skipped:" line when Chromium cannot start at all).
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');

let pass = 0, fail = 0;
function ok(cond, what) {
	if (cond) {
		pass++;
		console.log('ok   ' + what);
	} else {
		fail++;
		console.log('FAIL ' + what);
	}
}

/* Chromium as the issue asks: no GPU, no QUIC, no network of its own. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync'];

function apiGet(base, p) {
	return new Promise((resolve, reject) => {
		http.get(base + p, (res) => {
			let b = '';
			res.on('data', (c) => b += c);
			res.on('end', () => resolve(JSON.parse(b)));
		}).on('error', reject);
	});
}

async function launch(userDir) {
	let chromium;
	try {
		({ chromium } = require(path.join(process.cwd(), 'node_modules', 'playwright-core')));
	} catch (e) {
		return { error: 'npm playwright-core is missing (make deps installs it)' };
	}
	try {
		const ctx = await chromium.launchPersistentContext(userDir, {
			executablePath: '/usr/bin/chromium', headless: true, args: FLAGS,
			viewport: { width: 1360, height: 1000 }, timeout: 60000 });
		return { ctx };
	} catch (e) {
		return { cannot: e.message.split('\n')[0] };
	}
}

const idle = (page) => page.waitForSelector('body[data-busy="0"]', { timeout: 30000 });
const rowIds = (page) => page.$$eval('#events tbody tr[data-event-id]',
	(trs) => trs.map((tr) => tr.dataset.eventId));

/* Clicks el and waits for the table that follows. */
async function clickAndWait(page, locator) {
	await page.evaluate(() => { document.body.dataset.busy = '1'; });
	await locator.dispatchEvent('click');
	await idle(page);
}

async function run(page, base, shot) {
	const external = [], errors = [];
	await page.route('**/*', (route) => {
		const u = new URL(route.request().url());
		if (u.hostname === '127.0.0.1' || u.protocol === 'data:')
			return route.continue();
		external.push(u.href);
		return route.abort();
	});
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

	await page.goto(base + '/');
	await idle(page);
	const all = await apiGet(base, '/api/events?limit=500');
	const ids = await rowIds(page);
	ok(ids.length === Math.min(all.total, 50) && all.total > 0,
		`the table shows the store's events (${ids.length} of ${all.total})`);
	ok(JSON.stringify(ids) === JSON.stringify(all.events.slice(0, 50).map((e) => e.event_id)),
		'... newest first, as the API orders them');
	ok((await page.textContent('#summary')).includes(`${all.total} events`), 'the summary line');
	ok(await page.locator('#timeline .bar[tabindex]').count() > 0, 'the timeline has bars');
	ok(await page.locator('#timeline polyline.gold, #timeline circle.gold').count() > 0,
		'... and the mean Goldstein line');
	ok(await page.locator('#map path.country').count() > 150, 'the map has the world\'s countries');
	ok(await page.locator('#map path.country.has').count() > 0, '... shaded where events were');
	ok(await page.locator('#map circle.place').count() > 0, '... and dots for the places');
	ok(await page.locator('#dyads tbody tr[data-source]').count() > 0, 'the dyads are listed');

	// the evidence: each mark is the record's span, read at its offsets
	const marks = await page.$$eval('#events tbody tr[data-event-id]', (trs) => trs.map((tr) => ({
		id: tr.dataset.eventId,
		trigger: (tr.querySelector('mark.hl-trigger') || {}).textContent,
		source: (tr.querySelector('mark.hl-source') || {}).textContent,
		target: (tr.querySelector('mark.hl-target') || {}).textContent })));
	const byId = new Map(all.events.map((e) => [e.event_id, e]));
	const span = (rec, o) => Buffer.from(rec.sentence_text).slice(o.start - rec.sentence_start,
		o.end - rec.sentence_start).toString();
	let trig = 0, actors = 0, actorWant = 0;
	for (const m of marks) {
		const rec = byId.get(m.id);
		if (rec && m.trigger === rec.trigger.text)
			trig++;
		for (const side of ['source', 'target']) {
			const a = rec && rec[side];
			if (!a || a.end <= a.start || a.start < rec.sentence_start)
				continue;
			actorWant++;
			if (m[side] === span(rec, a) || (m[side] === undefined &&
			    span(rec, a).length && overlapsTrigger(rec, a)))
				actors++;
		}
	}
	ok(trig === marks.length, `every row marks its trigger (${trig}/${marks.length})`);
	ok(actors === actorWant && actorWant > 0,
		`every source and target in its sentence is marked (${actors}/${actorWant})`);
	const explicit = await page.$eval('#events tbody tr[data-event-id]', (tr) =>
		tr.querySelector('.rule').textContent);
	ok(/\.txt:\d+/.test(explicit), `rows show the rule that fired (${explicit.slice(0, 40)}...)`);

	// a filter applies to every view
	const before = await page.locator('#dyads tbody tr[data-source]').count();
	await page.fill('input[name=country]', 'Ukraine');
	await page.click('#filters button[type=submit]');
	await idle(page);
	const ukr = await apiGet(base, '/api/events?country=UKR&limit=500');
	const ukrIds = await rowIds(page);
	ok(ukrIds.length === ukr.total && ukr.total > 0 && ukr.total < all.total,
		`country Ukraine (typed by name): the table has its ${ukr.total} events`);
	const dyadsNow = await page.locator('#dyads tbody tr[data-source]').count();
	ok(dyadsNow < before, `... the dyads follow (${before} pairs before, ${dyadsNow} now)`);
	ok((await page.getAttribute('#csv', 'href')).includes('country=UKR'), '... and so does the CSV link');

	// a click on a bar narrows the table to its period (within the filter)
	await page.fill('input[name=country]', '');
	await page.selectOption('select[name=quad]', '1');
	await page.click('#filters button[type=submit]');
	await idle(page);
	const q1 = await apiGet(base, '/api/events?quad=1&limit=500');
	ok((await rowIds(page)).length === Math.min(q1.total, 50) && q1.total > 0,
		`quad class 1: the table has its ${q1.total} events`);
	const bars = await page.locator('#timeline .bar[tabindex]').count();
	ok(bars > 1, `... and the timeline its ${bars} periods`);
	const bar = page.locator('#timeline .bar[tabindex]').first();
	const period = await bar.getAttribute('data-period');
	await clickAndWait(page, bar);
	const picked = await rowIds(page);
	const inPeriod = q1.events.filter((e) => e.date && e.date.startsWith(period));
	ok(picked.length > 0 && picked.length === inPeriod.length && picked.length < q1.total &&
	   picked.every((id) => byId.get(id).quad_class === 1 && byId.get(id).date.startsWith(period)),
	   `clicking the bar ${period} shows its ${picked.length} events (of ${q1.total})`);
	const ranged = (await page.textContent('#range')).trim();
	ok(ranged.endsWith(`of ${picked.length}`), `... the pager says so (${ranged})`);
	ok(await page.locator('#timeline .bar.picked').count() === 1, '... and the bar shows as picked');
	ok(await page.locator('#timeline .bar[tabindex]').count() === bars, '... the timeline stays whole');
	await clickAndWait(page, page.locator('#unpick'));
	ok((await rowIds(page)).length === Math.min(q1.total, 50), '"show all" brings the filter\'s events back');

	// a pair, and a country on the map
	await page.click('#clear');
	await idle(page);
	const pair = page.locator('#dyads tbody tr[data-source]').first();
	const src = await pair.getAttribute('data-source'), tgt = await pair.getAttribute('data-target');
	await clickAndWait(page, pair);
	const pairIds = await rowIds(page);
	const cc = (a) => (a && a.country) || '-';
	ok(pairIds.length > 0 && pairIds.every((id) => cc(byId.get(id).source) === src &&
		cc(byId.get(id).target) === tgt), `clicking the pair ${src} → ${tgt} shows its ${pairIds.length} events`);
	const country = page.locator('#map path.country.has').first();
	const iso = await country.getAttribute('data-country');
	await clickAndWait(page, country);
	const inIds = await rowIds(page);
	ok(inIds.length > 0 && inIds.every((id) => (byId.get(id).location || {}).country === iso),
		`clicking ${iso} on the map shows the ${inIds.length} events there`);

	// search, and a filter the server refuses
	await page.fill('input[name=q]', 'ceasefire OR talks');
	await page.click('#filters button[type=submit]');
	await idle(page);
	const found = await apiGet(base, '/api/events?q=' + encodeURIComponent('ceasefire OR talks'));
	ok((await rowIds(page)).length === found.total && found.total > 0,
		`searching "ceasefire OR talks": ${found.total} events`);
	await page.fill('input[name=q]', '');
	await page.fill('input[name=country]', 'XQ');
	await page.click('#filters button[type=submit]');
	await idle(page);
	const msg = await page.textContent('#status');
	ok(/country/.test(msg), `a bad country is said on the page ("${msg}")`);
	await page.click('#clear');
	await idle(page);
	ok((await rowIds(page)).length === Math.min(all.total, 50), 'Clear shows everything again');

	ok(external.length === 0, `nothing asked of any other host (${external.join(' ') || 'none'})`);
	// the refused filter's own 400 is the one error the console may show
	const real = errors.filter((e) => !/status of 400/.test(e));
	ok(real.length === 0, `no script errors (${real.join(' | ') || 'none'})`);
	if (shot) {
		await page.setViewportSize({ width: 1360, height: 1300 });
		await page.evaluate(() => window.dispatchEvent(new Event('resize')));
		await page.waitForTimeout(600);
		await idle(page);
		// the busiest period picked, as a reader would start
		const busiest = await page.$$eval('#timeline .bar[tabindex]', (gs) => gs.map((g) =>
			[g.dataset.period, Number(/: (\d+) events/.exec(g.getAttribute('aria-label'))[1])])
			.sort((a, b) => b[1] - a[1])[0][0]);
		await clickAndWait(page, page.locator(`#timeline .bar[data-period="${busiest}"]`));
		await page.waitForTimeout(800);   // the smooth scroll to the table
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.screenshot({ path: shot });
		console.log('screenshot: ' + shot);
	}
}

/* A source or target that shares words with the trigger ("the agency
 * thanked") is marked as far as the trigger leaves it. */
function overlapsTrigger(rec, a) {
	return a.start < rec.trigger.end && rec.trigger.start < a.end;
}

async function main() {
	const [base, shot] = process.argv.slice(2);
	const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'curlew-chromium-'));
	const l = await launch(userDir);
	if (l.error) {
		console.log('FAIL ' + l.error);
		console.log('0 passed, 1 failed');
		process.exit(1);
	}
	if (l.cannot) {
		fs.rmSync(userDir, { recursive: true, force: true });
		console.log(`skipped: Chromium cannot start here (${l.cannot})`);
		process.exit(0);
	}
	const page = l.ctx.pages()[0] || await l.ctx.newPage();
	try {
		await run(page, base, shot);
	} catch (e) {
		ok(false, e.stack || String(e));
	}
	await l.ctx.close();
	fs.rmSync(userDir, { recursive: true, force: true });
	console.log(`${pass} passed, ${fail} failed`);
	process.exit(fail ? 1 : 0);
}

main();
