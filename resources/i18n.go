package resources

import "embed"

// Translations are the message catalogs of the window, one TOML file per
// language (en.toml, ko.toml, uz.toml, ru.toml: go-i18n's format, a key
// to a text or to its plural forms), and glossary.toml, the official
// names of organisations in each language, which the catalogs and their
// test share.
//
//go:embed i18n/*.toml
var Translations embed.FS
