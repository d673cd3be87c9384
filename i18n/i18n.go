// Package i18n is the message catalogue shared by the services that write
// for a person outside a page: e-mails (approval requests, digests,
// alerts, share kits, invitations), routing reasons, plural forms. Each
// key has a French and an English string; {name} placeholders are filled
// from parameters. The dashboard merges this catalogue into its own.
package i18n

import (
	"strconv"
	"strings"
)

// Languages the catalogue speaks; French is the default.
const (
	FR = "fr"
	EN = "en"
)

// catalogue holds every string: French first, English second. The files
// of this package add to it in their init functions.
var catalogue = map[string][2]string{}

// add merges entries into the catalogue.
func add(entries map[string][2]string) {
	for k, v := range entries {
		catalogue[k] = v
	}
}

// Messages returns a copy of the catalogue, for the dashboard to merge.
func Messages() map[string][2]string {
	out := make(map[string][2]string, len(catalogue))
	for k, v := range catalogue {
		out[k] = v
	}
	return out
}

// Lang returns lang when the catalogue speaks it, French otherwise.
func Lang(lang string) string {
	if lang == EN {
		return EN
	}
	return FR
}

// Has reports whether key is in the catalogue.
func Has(key string) bool {
	_, ok := catalogue[key]
	return ok
}

// T returns key's string in lang with its {placeholders} filled from
// params; an unknown key is returned as is.
func T(lang, key string, params map[string]string) string {
	m, ok := catalogue[key]
	if !ok {
		return key
	}
	s := m[0]
	if Lang(lang) == EN {
		s = m[1]
	}
	return Fill(s, params)
}

// Fill replaces each {name} in s with params[name].
func Fill(s string, params map[string]string) string {
	for k, v := range params {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// N returns the plural form of key for count n in lang: key+".one" or
// key+".other", with {n} filled. French uses the singular for 0 and 1,
// English for 1 only.
func N(lang, key string, n int, params map[string]string) string {
	p := map[string]string{"n": strconv.Itoa(n)}
	for k, v := range params {
		p[k] = v
	}
	return T(lang, key+"."+PluralForm(lang, n), p)
}

// PluralForm is the CLDR plural category of n in lang: "one" or "other".
func PluralForm(lang string, n int) string {
	if n == 1 || (Lang(lang) == FR && n == 0) {
		return "one"
	}
	return "other"
}
