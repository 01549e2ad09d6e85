/*
 * app.js -- curlew serve's page: filters, a timeline, a world map, the
 * dyads and the event table, all drawn from the server's /api/ (README,
 * "Explorer").  Plain DOM and SVG, no build step, nothing fetched from
 * anywhere but this server.
 *
 * Two kinds of filter: the form's apply to every view; a click on a bar, a
 * country or a pair picks a subset of them for the event table only, so
 * that the views stay whole and another click picks again.
 */
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const QUADS = {
	1: { name: 'verbal cooperation', color: '#74add1' },
	2: { name: 'material cooperation', color: '#2c66a8' },
	3: { name: 'verbal conflict', color: '#f4a259' },
	4: { name: 'material conflict', color: '#c9302c' },
};
const ROOTS = ['make public statement', 'appeal', 'express intent to cooperate', 'consult',
	'engage in diplomatic cooperation', 'engage in material cooperation', 'provide aid',
	'yield', 'investigate', 'demand', 'disapprove', 'reject', 'threaten', 'protest',
	'exhibit force posture', 'reduce relations', 'coerce', 'assault', 'fight',
	'use unconventional mass violence'];
const FILTERS = ['from', 'to', 'country', 'actor', 'root', 'quad', 'q'];
const PAGE = 50;

const state = { filters: {}, pick: null, offset: 0, by: 'auto', summary: null, codes: null,
	world: null };
let generation = 0;   // a newer refresh makes older answers moot

/* ------------------------------------------------------------ helpers */

function $(sel) { return document.querySelector(sel); }

function el(tag, attrs, ...children) {
	const e = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4))
		: document.createElement(tag);
	for (const [k, v] of Object.entries(attrs || {}))
		if (v !== null && v !== undefined)
			e.setAttribute(k, v);
	for (const c of children)
		if (c !== null && c !== undefined)
			e.append(c);
	return e;
}

function query(extra) {
	const p = new URLSearchParams();
	for (const [k, v] of Object.entries(Object.assign({}, state.filters, extra || {})))
		if (v !== '' && v !== null && v !== undefined)
			p.set(k, v);
	return p.toString();
}

async function api(path, extra) {
	const qs = query(extra);
	const res = await fetch('/api/' + path + (qs ? '?' + qs : ''));
	const body = await res.json();
	if (!res.ok)
		throw new Error(body.error || res.statusText);
	return body;
}

function countryName(code) {
	if (!code)
		return 'no country';
	return (state.codes && state.codes.countries[code]) || code;
}

function status(msg, isError) {
	const s = $('#status');
	s.textContent = msg || '';
	s.classList.toggle('error', !!isError);
}

/* ------------------------------------------------------------ periods */

function iso(d) { return d.toISOString().slice(0, 10); }
function utc(s) { return new Date(s + 'T00:00:00Z'); }
function addDays(d, n) { return new Date(d.getTime() + n * 86400000); }

/* The period a date falls in, as the API names it (weeks by Monday). */
function periodOf(dateStr, by) {
	if (by === 'month')
		return dateStr.slice(0, 7);
	if (by === 'year')
		return dateStr.slice(0, 4);
	if (by === 'week') {
		const d = utc(dateStr);
		return iso(addDays(d, -((d.getUTCDay() + 6) % 7)));
	}
	return dateStr;
}

/* First and last day of a period. */
function periodRange(p, by) {
	if (by === 'year')
		return [p + '-01-01', p + '-12-31'];
	if (by === 'month') {
		const d = utc(p + '-01');
		const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
		return [p + '-01', iso(end)];
	}
	if (by === 'week')
		return [p, iso(addDays(utc(p), 6))];
	return [p, p];
}

function nextPeriod(p, by) {
	const [, last] = periodRange(p, by);
	return periodOf(iso(addDays(utc(last), 1)), by);
}

/* auto: about 10 to 60 bars whatever the span. */
function chooseBy(first, last) {
	if (state.by !== 'auto')
		return state.by;
	if (!first || !last)
		return 'month';
	const days = (utc(last) - utc(first)) / 86400000;
	return days <= 45 ? 'day' : days <= 180 ? 'week' : days <= 3650 ? 'month' : 'year';
}

/* ------------------------------------------------------------ timeline */

function drawTimeline(rows, by) {
	const svg = $('#timeline');
	svg.replaceChildren();
	const W = svg.clientWidth || 600, H = 220, m = { l: 36, r: 40, t: 10, b: 28 };
	svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
	if (!rows.length) {
		svg.append(el('svg:text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' },
			'no dated events'));
		return;
	}
	// every period from the first to the last, empty ones too
	const byPeriod = new Map();
	for (const r of rows) {
		const e = byPeriod.get(r.period) || { period: r.period, quads: {}, n: 0, g: 0, gn: 0 };
		e.quads[r.quad_class] = (e.quads[r.quad_class] || 0) + r.events;
		e.n += r.events;
		if (r.goldstein_sum !== null) {
			e.g += r.goldstein_sum;
			e.gn += r.events;
		}
		byPeriod.set(r.period, e);
	}
	const keys = [...byPeriod.keys()].sort();
	const periods = [];
	for (let p = keys[0]; p <= keys[keys.length - 1] && periods.length < 2000; p = nextPeriod(p, by))
		periods.push(byPeriod.get(p) || { period: p, quads: {}, n: 0, g: 0, gn: 0 });
	const max = Math.max(...periods.map((p) => p.n));
	const iw = W - m.l - m.r, ih = H - m.t - m.b;
	const bw = iw / periods.length;
	const y = (v) => m.t + ih - (v / max) * ih;
	const gy = (g) => m.t + ih / 2 - (g / 10) * (ih / 2);
	// axes: counts on the left, Goldstein -10..10 on the right
	for (const v of [0, max]) {
		svg.append(el('svg:line', { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), class: 'grid' }));
		svg.append(el('svg:text', { x: m.l - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' },
			String(v)));
	}
	for (const g of [-10, 0, 10])
		svg.append(el('svg:text', { x: W - m.r + 4, y: gy(g) + 4, class: 'axis gold' },
			(g > 0 ? '+' : '') + g));
	const labelEvery = Math.ceil(periods.length / Math.max(1, Math.floor(iw / 70)));
	periods.forEach((p, i) => {
		const x = m.l + i * bw;
		let acc = 0;
		const g = el('svg:g', { class: 'bar', 'data-period': p.period, tabindex: p.n ? 0 : null,
			role: p.n ? 'button' : null,
			'aria-label': `${p.period}: ${p.n} events` });
		// the whole column answers clicks, and shows hover and pick behind the bar
		g.append(el('svg:rect', { x, width: bw, y: m.t, height: ih, class: 'hit' }));
		for (const q of [1, 2, 3, 4]) {
			const n = p.quads[q] || 0;
			if (!n)
				continue;
			g.append(el('svg:rect', { x: x + bw * 0.1, width: Math.max(1, bw * 0.8),
				y: y(acc + n), height: y(acc) - y(acc + n), fill: QUADS[q].color }));
			acc += n;
		}
		g.append(el('svg:title', {}, `${p.period}: ${p.n} events` +
			(p.gn ? `, mean Goldstein ${(p.g / p.gn).toFixed(2)}` : '')));
		if (state.pick && state.pick.period === p.period)
			g.classList.add('picked');
		if (p.n) {
			const pick = () => setPick({ period: p.period, by, label: `${p.period}`,
				from: periodRange(p.period, by)[0], to: periodRange(p.period, by)[1] });
			g.addEventListener('click', pick);
			g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') pick(); });
		}
		svg.append(g);
		if (i % labelEvery === 0)
			svg.append(el('svg:text', { x: x + bw / 2, y: H - 8, 'text-anchor': 'middle',
				class: 'axis' }, p.period));
	});
	// mean Goldstein of each period that has events, joined
	const pts = periods.map((p, i) => p.gn ? [m.l + (i + 0.5) * bw, gy(p.g / p.gn)] : null)
		.filter(Boolean);
	svg.append(el('svg:line', { x1: m.l, x2: W - m.r, y1: gy(0), y2: gy(0), class: 'zero' }));
	if (pts.length > 1)
		svg.append(el('svg:polyline', { points: pts.map((p) => p.join(',')).join(' '),
			class: 'gold' }));
	for (const [cx, cy] of pts)
		svg.append(el('svg:circle', { cx, cy, r: 2.5, class: 'gold' }));
}

function drawLegend() {
	const l = $('#quad-legend');
	l.replaceChildren(...Object.entries(QUADS).map(([q, d]) =>
		el('span', { class: 'key q' + q }, `${q} ${d.name}`)),
	el('span', { class: 'key gold' }, 'mean Goldstein (right axis)'));
}

/* ------------------------------------------------------------ map */

/* The Natural Earth projection (Šavrič et al. 2015), in radians. */
function natEarth(lon, lat) {
	const l = lon * Math.PI / 180, p = lat * Math.PI / 180;
	const p2 = p * p, p4 = p2 * p2;
	return [l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4))),
		p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))];
}

/* Rings crossing the antimeridian (Russia's east, Fiji) are drawn whole
 * twice, 360 degrees apart, and the map's outline clips both. */
function ringPaths(ring, proj) {
	let crosses = false;
	for (let i = 1; i < ring.length; i++)
		if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180)
			crosses = true;
	const path = (shift) => 'M' + ring.map(([lon, lat]) => {
		const l = crosses && lon < 0 ? lon + 360 : lon;
		return proj(l + shift, lat).map((v) => v.toFixed(1)).join(',');
	}).join('L') + 'Z';
	return crosses ? path(0) + path(-360) : path(0);
}

function geomPath(geom, proj) {
	const polys = geom.type === 'Polygon' ? [geom.coordinates]
		: geom.type === 'MultiPolygon' ? geom.coordinates : [];
	return polys.map((poly) => poly.map((r) => ringPaths(r, proj)).join('')).join('');
}

function mapScale(W, H) {
	const [xmax] = natEarth(180, 0), [, ymax] = natEarth(0, 84), [, ymin] = natEarth(0, -58);
	const k = Math.min(W / (2 * xmax), H / (ymax - ymin));
	const top = (H - (ymax - ymin) * k) / 2;
	return (lon, lat) => {
		const [x, y] = natEarth(lon, lat);
		return [W / 2 + x * k, top + (ymax - y) * k];
	};
}

function drawMap(places) {
	const svg = $('#map');
	svg.replaceChildren();
	const W = svg.clientWidth || 600, H = Math.round(W * 0.5);
	svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
	if (!state.world)
		return;
	const proj = mapScale(W, H);
	const outline = [];
	for (let lat = -58; lat <= 84; lat += 2)
		outline.push(proj(180, lat));
	for (let lat = 84; lat >= -58; lat -= 2)
		outline.push(proj(-180, lat));
	const outlineD = 'M' + outline.map((p) => p.join(',')).join('L') + 'Z';
	svg.append(el('svg:defs', {}, el('svg:clipPath', { id: 'globe' },
		el('svg:path', { d: outlineD }))));
	svg.append(el('svg:path', { d: outlineD, class: 'sea' }));
	const totals = new Map(places.countries.map((c) => [c.country, c.events]));
	const max = Math.max(1, ...totals.values());
	const shapes = el('svg:g', { 'clip-path': 'url(#globe)' });
	for (const f of state.world) {
		const n = totals.get(f.iso3) || 0;
		const p = el('svg:path', { d: f.d, class: 'country' + (n ? ' has' : ''),
			'data-country': f.iso3 || '' });
		if (n)
			p.style.fill = shade(n / max);   // over the stylesheet's grey
		if (state.pick && state.pick.location && state.pick.location === f.iso3)
			p.classList.add('picked');
		p.append(el('svg:title', {}, `${f.name}: ${n} event${n === 1 ? '' : 's'}`));
		if (f.iso3 && n)
			p.addEventListener('click', () => setPick({ location: f.iso3,
				label: `in ${countryName(f.iso3)}` }));
		shapes.append(p);
	}
	svg.append(shapes);
	const pmax = Math.max(1, ...places.places.map((p) => p.events));
	for (const pl of places.places) {
		const [cx, cy] = proj(pl.lon, pl.lat);
		const c = el('svg:circle', { cx: cx.toFixed(1), cy: cy.toFixed(1),
			r: (2.5 + 9 * Math.sqrt(pl.events / pmax)).toFixed(1), class: 'place' });
		c.append(el('svg:title', {}, `${pl.name} (${countryName(pl.country)}): ${pl.events} events`));
		if (pl.country)
			c.addEventListener('click', () => setPick({ location: pl.country,
				label: `in ${countryName(pl.country)}` }));
		svg.append(c);
	}
}

/* Light to dark blue by the share of the busiest country's events. */
function shade(t) {
	const a = [222, 233, 244], b = [16, 74, 132];
	const s = Math.sqrt(t);
	return `rgb(${a.map((v, i) => Math.round(v + (b[i] - v) * s)).join(',')})`;
}

async function loadWorld() {
	const [topo, codes] = await Promise.all([
		fetch('/vendor/countries-110m.json').then((r) => r.json()),
		fetch('/vendor/country-codes.json').then((r) => r.json())]);
	state.codes = codes;
	const list = $('#country-list');
	for (const [code, name] of Object.entries(codes.countries))
		list.append(el('option', { value: code }, name));
	const fc = topojson.feature(topo, topo.objects.countries);
	state.world = fc.features.filter((f) => f.properties.name !== 'Antarctica').map((f) => ({
		iso3: codes.ids[f.id] || codes.names[f.properties.name] || null,
		name: f.properties.name, geom: f.geometry, d: null }));
	projectWorld();
}

/* The countries' outlines at the map's present width. */
function projectWorld() {
	const W = $('#map').clientWidth || 600;
	const proj = mapScale(W, Math.round(W * 0.5));
	for (const f of state.world)
		f.d = geomPath(f.geom, proj);
	state.worldWidth = W;
}

/* ------------------------------------------------------------ dyads */

function drawDyads(rows) {
	const tb = $('#dyads tbody');
	tb.replaceChildren();
	if (!rows.length)
		tb.append(el('tr', {}, el('td', { colspan: 5, class: 'empty' }, 'no events')));
	const max = Math.max(1, ...rows.map((r) => r.events));
	for (const r of rows) {
		const g = r.goldstein_mean;
		const bar = el('span', { class: 'bar' });
		bar.style.width = (100 * r.events / max).toFixed(0) + '%';
		const tr = el('tr', { tabindex: 0, role: 'button', 'data-source': r.source || '-',
			'data-target': r.target || '-' },
			el('td', { class: r.source ? null : 'none' }, countryName(r.source)),
			el('td', { class: 'arrow' }, '→'),
			el('td', { class: r.target ? null : 'none' }, countryName(r.target)),
			el('td', { class: 'num' }, el('span', { class: 'barbox' }, bar), String(r.events)),
			el('td', { class: 'num g ' + (g > 0 ? 'pos' : g < 0 ? 'neg' : '') },
				g === null ? '–' : (g > 0 ? '+' : '') + g.toFixed(2)));
		if (state.pick && state.pick.source === (r.source || '-') &&
		    state.pick.target === (r.target || '-'))
			tr.classList.add('picked');
		const pick = () => setPick({ source: r.source || '-', target: r.target || '-',
			label: `${countryName(r.source)} → ${countryName(r.target)}` });
		tr.addEventListener('click', pick);
		tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') pick(); });
		tb.append(tr);
	}
}

/* ------------------------------------------------------------ events */

/* The sentence with the source, trigger and target marked, from the
 * record's byte offsets (UTF-8, counted from the story's start); where
 * the store has no sentence offsets, the trigger's words are looked for. */
function highlighted(rec) {
	const text = rec.sentence_text || '';
	const bytes = new TextEncoder().encode(text);
	const dec = new TextDecoder();
	const spans = [];
	const add = (kind, obj, label) => {
		if (!obj || obj.end <= obj.start)
			return;
		let s, e;
		if (rec.sentence_start !== null && rec.sentence_start !== undefined) {
			s = obj.start - rec.sentence_start;
			e = obj.end - rec.sentence_start;
		} else {
			const at = text.indexOf(obj.text);
			if (at < 0 || !obj.text)
				return;
			s = new TextEncoder().encode(text.slice(0, at)).length;
			e = s + new TextEncoder().encode(obj.text).length;
		}
		if (s < 0 || e > bytes.length)
			return;
		if (spans.some((o) => s < o.e && o.s < e))
			return;   // overlapping: the earlier kind wins
		spans.push({ s, e, kind, label });
	};
	add('trigger', rec.trigger, `trigger: ${rec.trigger.text}`);
	add('source', rec.source, rec.source && `source: ${rec.source.code} (${rec.source.text})`);
	add('target', rec.target, rec.target && `target: ${rec.target.code} (${rec.target.text})`);
	spans.sort((a, b) => a.s - b.s);
	const out = [];
	let at = 0;
	for (const sp of spans) {
		out.push(dec.decode(bytes.slice(at, sp.s)));
		out.push(el('mark', { class: 'hl-' + sp.kind, title: sp.label },
			dec.decode(bytes.slice(sp.s, sp.e))));
		at = sp.e;
	}
	out.push(dec.decode(bytes.slice(at)));
	return out;
}

function actorCell(a) {
	if (!a)
		return el('td', { class: 'none' }, '–');
	return el('td', {}, el('span', { class: 'code' }, a.code || '?'),
		a.text ? el('span', { class: 'sub' }, a.text) : null);
}

/* Where the story came from, when the input said: its publisher, and its
 * title linked to its URL (http and https only: a store is data, and a
 * javascript: URL in it must not become a link). */
function provenance(rec) {
	if (!rec.url && !rec.title && !rec.publisher)
		return null;
	const name = rec.title || rec.url || '';
	const safe = rec.url && /^https?:\/\//i.test(rec.url);
	return el('p', { class: 'rule source' }, rec.publisher ? rec.publisher + (name ? ': ' : '') : '',
		safe ? el('a', { href: rec.url, rel: 'noopener noreferrer', target: '_blank' }, name) : name);
}

function eventRow(rec) {
	const q = rec.quad_class;
	const loc = rec.location;
	return el('tr', { 'data-event-id': rec.event_id },
		el('td', { class: 'date' }, rec.date || '–'),
		actorCell(rec.source),
		el('td', {}, el('span', { class: 'chip q' + q, title: q ? QUADS[q].name : '' }, rec.cameo),
			el('span', { class: 'sub' }, rec.plover && rec.plover.event ?
				rec.plover.event.toLowerCase() : ''),
			rec.goldstein !== null ? el('span', { class: 'sub' }, 'Goldstein ' +
				(rec.goldstein > 0 ? '+' : '') + rec.goldstein.toFixed(1))
				: null),
		actorCell(rec.target),
		el('td', {}, loc ? loc.text : '–',
			loc && loc.country ? el('span', { class: 'sub' }, countryName(loc.country)) : null),
		el('td', { class: 'sentence' }, el('p', {}, ...highlighted(rec)),
			el('p', { class: 'rule' }, el('span', { class: 'story' }, rec.event_id), ' ', rec.rule),
			provenance(rec)));
}

function drawEvents(page) {
	const tb = $('#events tbody');
	tb.replaceChildren(...page.events.map(eventRow));
	if (!page.events.length)
		tb.append(el('tr', {}, el('td', { colspan: 6, class: 'empty' }, 'no events match')));
	const first = page.total ? page.offset + 1 : 0;
	$('#range').textContent = `${first}–${page.offset + page.events.length} of ${page.total}`;
	$('#prev').disabled = page.offset === 0;
	$('#next').disabled = page.offset + page.events.length >= page.total;
	const pick = $('#pick');
	pick.replaceChildren();
	if (state.pick)
		pick.append('only ', el('strong', {}, state.pick.label), ' ',
			el('button', { type: 'button', id: 'unpick' }, 'show all'));
	const un = $('#unpick');
	if (un)
		un.addEventListener('click', () => setPick(null));
}

/* ------------------------------------------------------------ loading */

function pickParams() {
	const p = state.pick;
	if (!p)
		return {};
	const out = {};
	for (const k of ['location', 'source', 'target'])
		if (p[k])
			out[k] = p[k];
	// a period narrows the form's dates, never widens them
	if (p.from)
		out.from = state.filters.from && state.filters.from > p.from ? state.filters.from : p.from;
	if (p.to)
		out.to = state.filters.to && state.filters.to < p.to ? state.filters.to : p.to;
	return out;
}

async function loadEvents(gen) {
	const extra = Object.assign(pickParams(), { limit: PAGE, offset: state.offset });
	const page = await api('events', extra);
	if (gen === generation)
		drawEvents(page);
	$('#csv').href = '/api/events.csv?' + query(pickParams());
}

async function refresh() {
	const gen = ++generation;
	document.body.dataset.busy = '1';
	status('');
	try {
		const s = state.summary;
		const by = chooseBy(state.filters.from || (s && s.first_date),
			state.filters.to || (s && s.last_date));
		const [counts, places, dyads] = await Promise.all([
			api('counts', { by, class: 'quad' }), api('places'), api('dyads', { limit: 10 })]);
		if (gen !== generation)
			return;
		drawTimeline(counts.rows, by);
		drawMap(places);
		drawDyads(dyads.dyads);
		await loadEvents(gen);
	} catch (e) {
		if (gen === generation)
			status(e.message, true);
	}
	if (gen === generation)
		document.body.dataset.busy = '0';
}

async function reloadEvents() {
	const gen = ++generation;
	document.body.dataset.busy = '1';
	try {
		await loadEvents(gen);
		// the picked bar, country or pair shows as picked
		document.querySelectorAll('.picked').forEach((e) => e.classList.remove('picked'));
		markPicked();
	} catch (e) {
		status(e.message, true);
	}
	if (gen === generation)
		document.body.dataset.busy = '0';
}

function markPicked() {
	const p = state.pick;
	if (!p)
		return;
	const sel = p.period ? `#timeline .bar[data-period="${p.period}"]`
		: p.location ? `#map .country[data-country="${p.location}"]`
		: `#dyads tr[data-source="${p.source}"][data-target="${p.target}"]`;
	document.querySelectorAll(sel).forEach((e) => e.classList.add('picked'));
}

function setPick(p) {
	state.pick = p;
	state.offset = 0;
	reloadEvents();
	if (p)
		$('#events-panel').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/* ------------------------------------------------------------ the form */

function readForm() {
	const f = new FormData($('#filters'));
	const filters = {};
	for (const k of FILTERS)
		filters[k] = (f.get(k) || '').trim();
	// a country may be typed by name
	if (filters.country && state.codes && !/^[A-Za-z]{3}$/.test(filters.country)) {
		const want = filters.country.toLowerCase();
		const hit = Object.entries(state.codes.countries).find(([, n]) => n.toLowerCase() === want);
		if (hit)
			filters.country = hit[0];
	}
	filters.country = filters.country.toUpperCase();
	filters.actor = filters.actor.toUpperCase();
	return filters;
}

function setupForm() {
	const root = $('select[name=root]');
	ROOTS.forEach((name, i) => {
		const code = String(i + 1).padStart(2, '0');
		root.append(el('option', { value: code }, `${code} ${name}`));
	});
	const quad = $('select[name=quad]');
	for (const [q, d] of Object.entries(QUADS))
		quad.append(el('option', { value: q }, `${q} ${d.name}`));
	$('#filters').addEventListener('submit', (ev) => {
		ev.preventDefault();
		state.filters = readForm();
		state.pick = null;
		state.offset = 0;
		refresh();
	});
	$('#clear').addEventListener('click', () => {
		$('#filters').reset();
		state.filters = {};
		state.pick = null;
		state.offset = 0;
		refresh();
	});
	$('#by').addEventListener('change', (ev) => {
		state.by = ev.target.value;
		refresh();
	});
	$('#prev').addEventListener('click', () => {
		state.offset = Math.max(0, state.offset - PAGE);
		reloadEvents();
	});
	$('#next').addEventListener('click', () => {
		state.offset += PAGE;
		reloadEvents();
	});
}

async function main() {
	setupForm();
	drawLegend();
	try {
		const [summary] = await Promise.all([
			fetch('/api/summary').then((r) => r.json()), loadWorld()]);
		if (summary.error)
			throw new Error(summary.error);
		state.summary = summary;
		$('#summary').textContent = `${summary.stories} stories · ${summary.events} events · ` +
			(summary.first_date ? `${summary.first_date} to ${summary.last_date}` : 'no dates');
	} catch (e) {
		status(e.message, true);
	}
	await refresh();
	let t;
	window.addEventListener('resize', () => {
		clearTimeout(t);
		t = setTimeout(() => {
			if (state.world && $('#map').clientWidth !== state.worldWidth) {
				projectWorld();
				refresh();
			}
		}, 250);
	});
}

main();
