package ui

import (
	"regexp"
	"strings"

	"github.com/relais/relais/i18n"
)

// errorParams renders, for lang, the parameters of an error that are
// themselves coded texts (i18n.Code): a platform refusal lists each
// account's problem, one per line.
func errorParams(lang, key string, params map[string]string) map[string]string {
	if key != "error.platform" || params["problems"] == "" {
		return params
	}
	var lines []string
	for _, c := range strings.Split(params["problems"], "\n") {
		if k, ps, ok := i18n.Decode(c); ok {
			if _, named := messages["platform."+ps["platform"]]; named {
				ps["platform"] = translate(lang, "platform."+ps["platform"])
			}
			c = i18n.T(lang, k, ps)
		}
		lines = append(lines, c)
	}
	out := map[string]string{}
	for k, v := range params {
		out[k] = v
	}
	out["problems"] = strings.Join(lines, " ; ")
	if lang == "en" {
		out["problems"] = strings.Join(lines, "; ")
	}
	return out
}

// The walk-through fixes' strings (flashes after a submit).
func init() {
	for k, v := range map[string][2]string{
		"flash.not_sent":                {"Brouillon enregistré, pas encore envoyé en validation : corrigez ce qui est signalé puis renvoyez-le.", "Draft saved, not yet sent for review: fix what is flagged, then send it again."},
		"profile.candidate":             {"candidate", "candidate"},
		"profile.campaign":              {"campagne", "campaign"},
		"profile.colistier":             {"colistier·e", "running mate"},
		"state.shared":                  {"partagée", "shared"},
		"state.declined":                {"déclinée", "declined"},
		"connect.example_bsky":          {"nom.bsky.social", "name.bsky.social"},
		"connect.example_channel":       {"@canal", "@channel"},
		"flash.submitted":               {"Publication envoyée en validation.", "Post sent for review."},
		"flash.decided_approve":         {"Publication approuvée.", "Post approved."},
		"flash.decided_request_changes": {"Modifications demandées : l'auteur·rice est prévenu·e.", "Changes requested: the author is told."},
		"flash.decided_reject":          {"Publication refusée.", "Post rejected."},
		"flash.decided_submit":          {"Publication envoyée en validation.", "Post sent for review."},
	} {
		messages[k] = v
	}
}

// namedParams names, for lang, the parameters of an error that are codes
// (a {role} or a {state} by the catalogue's name for it) and writes
// decimal quantities as lang does ("140,0 s", "100,0 Mo" in French).
func namedParams(lang string, params map[string]string) map[string]string {
	out := make(map[string]string, len(params))
	for k, v := range params {
		if _, known := messages[k+"."+v]; known && (k == "role" || k == "state") {
			v = translate(lang, k+"."+v)
		} else if m := quantityRE.FindStringSubmatch(v); m != nil && lang != "en" {
			v = strings.Replace(m[1]+m[3], ".", ",", 1) + frenchUnits[m[2]]
		}
		out[k] = v
	}
	return out
}

// quantityRE is a decimal quantity with its unit ("140.0 s", "100.0 MB").
var quantityRE = regexp.MustCompile(`^(\d+(?:\.\d+)?)( s| MB| GB)$|^(\d+\.\d+)$`)

// frenchUnits are the units French writes otherwise.
var frenchUnits = map[string]string{" s": "\u00a0s", " MB": "\u00a0Mo", " GB": "\u00a0Go", "": ""}

// roleCodeRE is a role's code in parentheses, as the services' English
// messages write it: "Your role (community_manager) may not …".
var roleCodeRE = regexp.MustCompile(`\((admin|editor|community_manager|candidate|colistier)\)`)

// roleNames names, for lang, the roles an unkeyed message gives by code.
func roleNames(lang, msg string) string {
	return roleCodeRE.ReplaceAllStringFunc(msg, func(m string) string {
		return "(" + translate(lang, "role."+strings.Trim(m, "()")) + ")"
	})
}
