#!/usr/bin/env node
/*
 * gen-web.js -- writes web/vendor/country-codes.json for curlew serve's
 * page: world-atlas names its country shapes by ISO 3166-1 numeric code,
 * the store names countries by alpha-3, and the page shows names.  Run at
 * set-up by the Makefile:
 *
 *   node tools/gen-web.js ISO_3166-1.json COUNTRIES-110M.json > country-codes.json
 *
 * Writes {"ids": {numeric: alpha3}, "names": {shape name: alpha3} (shapes
 * without a numeric code), "countries": {alpha3: name}}, sorted, so that
 * regenerating it gives the same bytes.
 */
'use strict';
const fs = require('fs');

function readJson(path) {
	try {
		return JSON.parse(fs.readFileSync(path, 'utf8'));
	} catch (e) {
		process.stderr.write(`gen-web: cannot read ${path}: ${e.message} (run \`make deps\`)\n`);
		process.exit(1);
	}
}

const iso = readJson(process.argv[2])['3166-1'];
const atlas = readJson(process.argv[3]);
// Shapes world-atlas gives no ISO number: Kosovo is CAMEO's KSV (as in
// data/countries-extra.tsv); ISO 3166 counts Northern Cyprus in Cyprus and
// Somaliland in Somalia, and so do the country codes of the store.
const unnumbered = { 'Kosovo': 'KSV', 'N. Cyprus': 'CYP', 'Somaliland': 'SOM' };

const byNumeric = new Map(iso.map((c) => [c.numeric, c]));
const ids = {}, names = {}, countries = { KSV: 'Kosovo' };
for (const c of iso)
	countries[c.alpha_3] = c.common_name || c.name;
for (const g of atlas.objects.countries.geometries) {
	const c = g.id !== undefined ? byNumeric.get(g.id) : null;
	if (c)
		ids[g.id] = c.alpha_3;
	else if (unnumbered[g.properties.name])
		names[g.properties.name] = unnumbered[g.properties.name];
	else
		process.stderr.write(`gen-web: no country code for the shape ${g.properties.name}\n`);
}
const sorted = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
process.stdout.write(JSON.stringify({ ids: sorted(ids), names: sorted(names),
	countries: sorted(countries) }) + '\n');
