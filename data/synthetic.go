package data

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"slices"
	"strconv"
)

// Synthetic makes a data set of n projects that passes every check: the
// same vocabularies and valid references as the bundled data, text of
// realistic length, and Hangul and Cyrillic in some names. It is for
// measuring; the same n always gives the same bytes. It returns the
// files by name.
func Synthetic(n int) map[string][]byte {
	rng := rand.New(rand.NewPCG(uint64(n), 2024))
	nSources := max(10, n/20)
	nMilestones := max(5, n/50)
	files := map[string][]byte{}

	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	srcs := func() string {
		k := 1 + rng.IntN(3)
		out := make([]byte, 0, 16)
		for i := 0; i < k; i++ {
			if i > 0 {
				out = append(out, ';')
			}
			out = append(out, 's')
			out = strconv.AppendInt(out, int64(1+rng.IntN(nSources)), 10)
		}
		return string(out)
	}
	srcs1 := func() string { return "s" + strconv.Itoa(1+rng.IntN(nSources)) }
	write := func(name string, header []string, rows func(w *csv.Writer)) {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		_ = w.Write(header)
		rows(w)
		w.Flush()
		files[name] = b.Bytes()
	}
	header := func(file string) []string {
		cols := schemaColumns(file)
		out := make([]string, len(cols))
		for i, c := range cols {
			out[i] = c.Name
		}
		return out
	}

	minerals := []string{"gold", "copper", "uranium", "silver", "tungsten", "molybdenum", "lithium", "rhenium", "zinc", "lead", "rare-earths", "graphite"}
	groups := []string{"precious", "base", "energy", "precious", "critical", "critical", "critical", "critical", "base", "base", "rare-earth", "industrial"}
	write(MineralsFile, header(MineralsFile), func(w *csv.Writer) {
		for i, id := range minerals {
			crit := "no"
			if groups[i] == "critical" || groups[i] == "rare-earth" || groups[i] == "base" {
				crit = "yes"
			}
			_ = w.Write([]string{id, "Mineral " + id, "Xx", groups[i], num(rng.Float64() * 5000), "t", "2024", "country",
				strconv.Itoa(1 + rng.IntN(20)), "2023", "country", num(rng.Float64() * 10), "2023", num(rng.Float64() * 100000), "t", "2020", "country",
				"Deposit A;Deposit B", "Operator " + id, "batteries;semiconductors", crit, "no", "Synthetic figures for measuring", srcs()})
		}
	})

	sectors := []string{"mining", "semiconductors", "green-hydrogen", "pharmaceuticals", "chemicals", "textiles", "agriculture", "energy", "education", "health", "it", "automotive", "transport"}
	write(SectorsFile, header(SectorsFile), func(w *csv.Writer) {
		for _, id := range sectors {
			_ = w.Write([]string{id, "Sector " + id, "Korean activity in the sector, with partners on both sides", "Korea Eximbank;KOICA", "Ministry of Investment", pick(minerals), "", srcs()})
		}
	})

	regions := make([]string, 0, len(RegionNames))
	for code := range RegionNames {
		regions = append(regions, code)
	}
	slices.Sort(regions)
	funders := []string{"Korea Eximbank (EDCF)", "KOICA", "Government of Korea", "Korea Eximbank", "K-Sure", "POSCO International", "Lotte Chemical"}
	cities := []string{"Tashkent", "Samarkand", "Bukhara", "Navoiy", "Fergana", "Andijan", "Nukus", "Almalyk", "Chirchiq", "Тошкент", "Самарканд"}
	words := []string{"National", "Center", "plant", "complex", "modernization", "cluster", "hospital", "technopark", "supply", "phase", "기술", "센터", "завод", "центр"}
	write(ProjectsFile, header(ProjectsFile), func(w *csv.Writer) {
		for i := 0; i < n; i++ {
			name := pick(words) + " " + pick(words) + " " + pick(words) + " " + strconv.Itoa(i)
			amount, basis, year, cost, partOf := "", "", "", "", ""
			if rng.IntN(4) > 0 {
				v := float64(rng.IntN(500000)) / 100
				amount, basis, year = num(v), pick(AmountBases), strconv.Itoa(2000+rng.IntN(26))
				if basis != BasisTotalCost && rng.IntN(8) == 0 {
					cost = num(v * 2)
				}
			} else if rng.IntN(2) == 0 {
				basis = pick(AmountBases) // a loan of unknown amount
			}
			if i%50 == 49 && amount == "" { // a part of the project before it
				partOf = "p-" + strconv.Itoa(i-1)
			}
			start := 1995 + rng.IntN(30)
			end := ""
			if rng.IntN(2) == 0 {
				end = strconv.Itoa(start + rng.IntN(6))
			}
			asOf := strconv.Itoa(min(start+rng.IntN(4), 2025))
			lat, lon := "", ""
			if rng.IntN(10) == 0 {
				lat, lon = num(38+rng.Float64()*4), num(58+rng.Float64()*14)
			}
			_ = w.Write([]string{"p-" + strconv.Itoa(i), name, pick(sectors), pick(regions), pick(cities), lat, lon,
				"Korean partner " + strconv.Itoa(rng.IntN(900)), "Uzbek partner " + strconv.Itoa(rng.IntN(900)), pick(funders),
				pick(Instruments), amount, basis, year, cost, "", partOf, pick(Statuses), asOf, strconv.Itoa(start), end, pick(minerals),
				"A project of the partnership: " + pick(words) + " " + pick(words) + " with Korean technology", "", srcs()})
		}
	})

	write(IndicatorsFile, header(IndicatorsFile), func(w *csv.Writer) {
		for i := 0; i < 12; i++ {
			_ = w.Write([]string{"ind-" + strconv.Itoa(i), "Headline figure " + strconv.Itoa(i), "trade", num(float64(rng.IntN(9000))), "USD m", "", strconv.Itoa(2010 + i), "", "", strconv.Itoa(2010 + i), "", srcs()})
		}
	})
	kinds := MilestoneKind
	write(MilestonesFile, header(MilestonesFile), func(w *csv.Writer) {
		for i := 0; i < nMilestones; i++ {
			date := strconv.Itoa(2005+rng.IntN(21)) + "-0" + strconv.Itoa(1+rng.IntN(9))
			_ = w.Write([]string{date, "Milestone " + strconv.Itoa(i), "An event of the partnership", pick(kinds), "p-" + strconv.Itoa(rng.IntN(n)), srcs()})
		}
	})
	write(DepositsFile, header(DepositsFile), func(w *csv.Writer) {
		for i, id := range minerals {
			lat, lon := "", ""
			if i%2 == 0 {
				lat, lon = num(38+rng.Float64()*4), num(58+rng.Float64()*14)
			}
			_ = w.Write([]string{"deposit-" + id, "Deposit of " + id, id, pick(regions), pick(cities), lat, lon, "Operator " + id, "Synthetic", srcs()})
		}
	})
	// Production: a short country series for every mineral and a company
	// series for some, so proportional to the minerals, not the projects.
	// Each row cites one source of its own, so no source gives two figures
	// for one mineral, year and scope.
	units := []string{"t", "kt", "tU", "Moz", "t", "t", "t", "kg", "kt", "kt", "t", "kt"}
	write(ProductionFile, header(ProductionFile), func(w *csv.Writer) {
		for i, id := range minerals {
			v := 100 + rng.Float64()*5000
			for y := 2018; y <= 2024; y++ {
				v *= 0.9 + rng.Float64()*0.25
				est, world, rank, share := "", "", "", ""
				if y%2 == 0 {
					est = "yes"
				}
				if y == 2024 {
					world, rank, share = num(v*20), strconv.Itoa(1+rng.IntN(20)), "5"
				}
				_ = w.Write([]string{id, strconv.Itoa(y), num(v), units[i], "country", est, world, rank, share, srcs1(), "Synthetic figure for measuring"})
			}
			if i%3 == 0 {
				for y := 2021; y <= 2024; y++ {
					_ = w.Write([]string{id, strconv.Itoa(y), num(v / 2), units[i], "Operator " + id, "", "", "", "", srcs1(), "Synthetic company figure"})
				}
			}
		}
	})
	write(SourcesFile, header(SourcesFile), func(w *csv.Writer) {
		for i := 1; i <= nSources; i++ {
			_ = w.Write([]string{"s" + strconv.Itoa(i), "Source title number " + strconv.Itoa(i), "Publisher", "2024-0" + strconv.Itoa(1+i%9), "https://example.org/" + strconv.Itoa(i), ""})
		}
	})
	return files
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
