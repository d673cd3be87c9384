package ui

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/approval/tone"
)

// toneForm is the tone rules as the settings forms show them: one row a
// person, and each profile's severity for each rule.
type toneForm struct {
	Opponents []personRow
	OwnTeam   []personRow
	Severity  map[string]map[string]string // profile -> rule -> block, warn or off
}

// personRow is one person of a list, aliases and handles comma-separated.
type personRow struct {
	Name, Aliases, Handles, Role string
}

// toneFormOf reads the lists of the YAML rules (empty lists if it does
// not parse: the advanced view then shows the error).
func toneFormOf(yaml string) toneForm {
	l, _ := tone.ReadLists([]byte(yaml))
	f := toneForm{Opponents: rowsOf(l.Opponents), OwnTeam: rowsOf(l.OwnTeam), Severity: map[string]map[string]string{}}
	for name, prof := range l.Profiles {
		f.Severity[name] = prof
	}
	return f
}

func rowsOf(ps []tone.Person) []personRow {
	out := make([]personRow, len(ps))
	for i, p := range ps {
		out[i] = personRow{Name: p.Name, Aliases: strings.Join(p.Aliases, ", "), Handles: strings.Join(p.Handles, ", "), Role: p.Role}
	}
	return out
}

// Severities are the choices of a rule in a profile.
func (settingsPage) Severities() []string {
	return []string{tone.SeverityBlock, tone.SeverityWarn, tone.SeverityOff}
}

// handleSettingsTone handles POST /settings/tone, the advanced view:
// action=validate checks the YAML (showing the line and field of an
// error); action=save (admins) also writes the file and reloads the
// running checker, which swaps the engine in one step: a check never
// sees half the rules.
func (s *Server) handleSettingsTone(w http.ResponseWriter, r *http.Request) {
	p, err := s.newSettingsPage(w, r, "tone")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.ToneYAML = r.FormValue("yaml")
	p.Tone = toneFormOf(p.ToneYAML)
	data := []byte(p.ToneYAML)
	if _, err := s.cfg.ToneRules.Validate(r.Context(), data); err != nil {
		s.toneFailed(w, r, p, err)
		return
	}
	p.ToneOK = p.T("settings.tone_valid")
	if r.FormValue("action") == "save" {
		if err := s.cfg.ToneRules.Save(r.Context(), data); err != nil {
			s.pageError(w, r, err)
			return
		}
		p.ToneOK = p.T("settings.tone_saved")
	}
	s.renderSettings(w, r, http.StatusOK, p)
}

// toneFailed shows a refused rules file with its line and field.
func (s *Server) toneFailed(w http.ResponseWriter, r *http.Request, p settingsPage, err error) {
	if code := relais.ErrorCode(err); code == relais.EFORBIDDEN || code == relais.EUNAUTHORIZED {
		s.pageError(w, r, err)
		return
	}
	var ce *tone.ConfigError
	if !errors.As(err, &ce) {
		ce = &tone.ConfigError{Msg: err.Error()}
	}
	p.ToneErr = ce
	s.renderSettings(w, r, http.StatusBadRequest, p)
}

// handleSettingsTonePeople handles POST /settings/tone/people
// {list=opponents|own_team, name[], aliases[], handles[], role[]}: the
// list replaces the one in the rules, which are saved and reloaded.
func (s *Server) handleSettingsTonePeople(w http.ResponseWriter, r *http.Request, p settingsPage) {
	p.ToneYAML = s.readToneYAML(r)
	p.Tone = toneFormOf(p.ToneYAML)
	list := r.FormValue("list")
	if list != "opponents" && list != "own_team" {
		s.pageError(w, r, relais.FieldErrorf("list", "Unknown list %q.", list).With("error.tone_list", "value", list))
		return
	}
	rows := typedRows(r)
	if list == "opponents" {
		p.Tone.Opponents = rows
	} else {
		p.Tone.OwnTeam = rows
	}
	people, bad := p.peopleOf(list, rows)
	if len(bad) > 0 {
		p.FieldErr, p.Error = bad, p.T("settings.form_fix")
		s.renderSettings(w, r, http.StatusBadRequest, p)
		return
	}
	s.saveToneKey(w, r, p, list, people)
}

// typedRows reads the rows of a people form as typed, dropping the empty
// ones.
func typedRows(r *http.Request) []personRow {
	_ = r.ParseForm()
	names, aliases, handles, roles := r.PostForm["name"], r.PostForm["aliases"], r.PostForm["handles"], r.PostForm["role"]
	at := func(vs []string, i int) string {
		if i < len(vs) {
			return strings.TrimSpace(vs[i])
		}
		return ""
	}
	var out []personRow
	for i := range names {
		row := personRow{Name: at(names, i), Aliases: at(aliases, i), Handles: at(handles, i), Role: at(roles, i)}
		if row != (personRow{}) {
			out = append(out, row)
		}
	}
	return out
}

// peopleOf checks rows and returns them as people, or each bad field's
// message by field name ("opponents.2.name").
func (p settingsPage) peopleOf(list string, rows []personRow) ([]tone.Person, map[string]string) {
	bad := map[string]string{}
	var out []tone.Person
	for i, row := range rows {
		f := fmt.Sprintf("%s.%d.", list, i)
		if row.Name == "" {
			bad[f+"name"] = p.fieldMsg("settings.person_name", "error.required", nil)
		}
		handles := splitList(row.Handles)
		for _, h := range handles {
			if !strings.HasPrefix(h, "@") || len(h) < 2 || strings.ContainsAny(h, " \t") {
				bad[f+"handles"] = p.fieldMsg("settings.person_handles", "error.handle", map[string]string{"value": h})
			}
		}
		out = append(out, tone.Person{Name: row.Name, Aliases: splitList(row.Aliases), Handles: handles, Role: row.Role})
	}
	return out, bad
}

// splitList splits a comma-separated list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// fieldMsg is a form error naming its field in the page's language:
// "Nom : obligatoire".
func (p settingsPage) fieldMsg(fieldKey, problemKey string, params map[string]string) string {
	return fill(p.Lang, p.T("form.field_error"), map[string]string{"field": p.T(fieldKey), "problem": fill(p.Lang, p.T(problemKey), params, p.Location())}, p.Location())
}

// handleSettingsToneProfiles handles POST /settings/tone/profiles
// {sev.PROFILE.RULE=block|warn|off}: each profile's choice per rule.
func (s *Server) handleSettingsToneProfiles(w http.ResponseWriter, r *http.Request, p settingsPage) {
	p.ToneYAML = s.readToneYAML(r)
	p.Tone = toneFormOf(p.ToneYAML)
	profiles := map[string]tone.Profile{}
	for _, name := range s.cfg.ToneRules.Profiles() {
		if p.Tone.Severity[name] == nil {
			p.Tone.Severity[name] = map[string]string{}
		}
		if prof := p.typedProfile(r, name); len(prof) > 0 {
			profiles[name] = prof
		}
	}
	if len(p.FieldErr) > 0 {
		p.Error = p.T("settings.form_fix")
		s.renderSettings(w, r, http.StatusBadRequest, p)
		return
	}
	s.saveToneKey(w, r, p, "profiles", profiles)
}

// typedProfile reads profile name's choices from the form over the stored
// ones, keeping them in p for a refusal.
func (p *settingsPage) typedProfile(r *http.Request, name string) tone.Profile {
	prof, out := p.Tone.Severity[name], tone.Profile{}
	for _, rule := range tone.Rules() {
		if v := r.FormValue("sev." + name + "." + rule); v != "" {
			prof[rule] = v
			p.checkSeverity(name, rule, v)
		}
		if prof[rule] != "" {
			out[rule] = prof[rule]
		}
	}
	return out
}

// checkSeverity records an error when v is not a severity.
func (p *settingsPage) checkSeverity(profile, rule, v string) {
	for _, ok := range p.Severities() {
		if v == ok {
			return
		}
	}
	p.FieldErr["sev."+profile+"."+rule] = fill(p.Lang, p.T("form.field_error"), map[string]string{
		"field": profile + " · " + p.T("rule."+rule), "problem": fill(p.Lang, p.T("error.severity"), map[string]string{"value": v}, p.Location())}, p.Location())
}

// saveToneKey sets key of the rules to value, then saves and reloads
// them; a refusal shows the section with what was typed.
func (s *Server) saveToneKey(w http.ResponseWriter, r *http.Request, p settingsPage, key string, value any) {
	data, err := tone.SetKey([]byte(p.ToneYAML), key, value)
	if err == nil {
		err = s.cfg.ToneRules.Save(r.Context(), data)
	}
	if err != nil {
		s.toneFailed(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/settings/tone?ok=tone", http.StatusSeeOther)
}
