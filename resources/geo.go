package resources

import _ "embed" // for the //go:embed directives below

// Regions is the boundary file of Uzbekistan's 14 first-level
// administrative units (12 regions, the Republic of Karakalpakstan UZ-QR
// and Tashkent city UZ-TK) as a GeoJSON FeatureCollection, properties
// shapeName and shapeISO. Tashkent city is cut out of Tashkent Region
// (UZ-TO) as holes.
//
// Source: geoBoundaries gbOpen UZB ADM1, simplified (wmgeolab/geoBoundaries,
// releaseData/gbOpen/UZB/ADM1/geoBoundaries-UZB-ADM1_simplified.geojson at
// commit 04ace7e51435e799f3ae7f3bec348d3f68a41aa9, boundaryID
// UZB-ADM1-4885205), built from OpenStreetMap data; unchanged, sha256
// 8f7f8617d9c2070f9d2cd40519f4f3813ddd973cea2c3b620610d0490a0f3e03.
//
// Licence: Open Data Commons Open Database License 1.0 (ODbL 1.0), which is
// share-alike. Required attribution: "Contains data © OpenStreetMap
// contributors, available under the Open Database License (ODbL 1.0).
// Boundaries via geoBoundaries (wmgeolab/geoBoundaries, UZB ADM1,
// boundaryID UZB-ADM1-4885205)."
//
// Parse it with data.ParseGeo.
//
//go:embed geo/uzbekistan-adm1.geojson
var Regions []byte

// Places is a CSV file (name,latitude,longitude,source) of the towns the
// projects name, used to place a project that has no coordinates of its
// own.
//
// Sources: 20 rows from GeoNames cities5000 (source id geonames_c5000),
// licensed under Creative Commons Attribution 4.0 (CC BY 4.0); required
// attribution: "Place coordinates from GeoNames (https://www.geonames.org/),
// licensed under CC BY 4.0." One row, Zarafshan (source id wikipedia_hi),
// from Wikipedia (hi.wikipedia.org, article "ज़रफ़शान"), CC BY-SA 4.0;
// required attribution: "Zarafshan coordinates from Wikipedia
// (hi.wikipedia.org, article "ज़रफ़शान"), CC BY-SA 4.0."
//
// Parse it with data.ParseGeo.
//
//go:embed geo/places.csv
var Places []byte

// GeoAttribution is the credit the map must show for Regions and Places,
// one required line per source (see the comments above).
const GeoAttribution = "Contains data © OpenStreetMap contributors, available under the Open Database License (ODbL 1.0). " +
	"Boundaries via geoBoundaries (wmgeolab/geoBoundaries, UZB ADM1, boundaryID UZB-ADM1-4885205).\n" +
	"Place coordinates from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.\n" +
	"Zarafshan coordinates from Wikipedia (hi.wikipedia.org, article \"ज़रफ़शान\"), CC BY-SA 4.0."
