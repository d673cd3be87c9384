package tone

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// decodeConfig fills cfg from the document's top mapping.
func decodeConfig(n *yaml.Node, cfg *Config, dir string) error {
	var files *yaml.Node
	err := decodeFields(n, "", "opponents, own_team, profiles, lexicons or lexicon_files", map[string]fieldDecoder{
		"opponents": func(v *yaml.Node, f string) (err error) { cfg.Opponents, err = decodePersons(v, f); return err },
		"own_team":  func(v *yaml.Node, f string) (err error) { cfg.OwnTeam, err = decodePersons(v, f); return err },
		"profiles":  func(v *yaml.Node, f string) (err error) { cfg.Profiles, err = decodeProfiles(v, f); return err },
		"lexicons":  func(v *yaml.Node, f string) (err error) { cfg.Lexicons, err = decodeLexicons(v, f); return err },
		"lexicon_files": func(v *yaml.Node, _ string) error {
			files = v // after lexicons, which it extends
			return nil
		},
	})
	if err == nil && files != nil {
		err = decodeLexiconFiles(files, "lexicon_files", dir, cfg)
	}
	return err
}

// fieldDecoder decodes the value v of field f.
type fieldDecoder func(v *yaml.Node, f string) error

// decodeFields walks the mapping n at field with one decoder per key; an
// unknown key is an error naming the keys it wants.
func decodeFields(n *yaml.Node, field, want string, fields map[string]fieldDecoder) error {
	return eachPair(n, field, func(key string, k, v *yaml.Node) error {
		f := join(field, key)
		if decode, ok := fields[key]; ok {
			return decode(v, f)
		}
		return fieldError(k, f, "unknown field (want %s)", want)
	})
}

// decodePersons reads a list of people; an item may be a bare name.
func decodePersons(n *yaml.Node, field string) ([]Person, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, fieldError(n, field, "want a list of people, got %s", kindName(n))
	}
	out := make([]Person, 0, len(n.Content))
	for i, item := range n.Content {
		f := fmt.Sprintf("%s[%d]", field, i)
		p, err := decodePerson(item, f)
		if err != nil {
			return nil, err
		}
		if err := checkPerson(p, f); err != nil {
			err.(*ConfigError).Line = item.Line
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func decodePerson(n *yaml.Node, field string) (Person, error) {
	var p Person
	if n.Kind == yaml.ScalarNode {
		name, err := scalar(n, field)
		p.Name = name
		return p, err
	}
	err := decodeFields(n, field, "name, aliases, handles or role", map[string]fieldDecoder{
		"name":    func(v *yaml.Node, f string) (err error) { p.Name, err = scalar(v, f); return err },
		"aliases": func(v *yaml.Node, f string) (err error) { p.Aliases, err = stringList(v, f); return err },
		"handles": func(v *yaml.Node, f string) (err error) { p.Handles, err = stringList(v, f); return err },
		"role":    func(v *yaml.Node, f string) (err error) { p.Role, err = scalar(v, f); return err },
	})
	if err == nil && strings.TrimSpace(p.Name) == "" {
		err = fieldError(n, join(field, "name"), "name is required")
	}
	return p, err
}

// decodeProfiles reads profile → rule → severity.
func decodeProfiles(n *yaml.Node, field string) (map[string]Profile, error) {
	out := map[string]Profile{}
	err := eachPair(n, field, func(name string, _, v *yaml.Node) error {
		p := Profile{}
		out[name] = p
		return eachPair(v, join(field, name), func(r string, k, sv *yaml.Node) error {
			f := join(join(field, name), r)
			sev, err := scalar(sv, f)
			if err != nil {
				return err
			}
			if msg := checkProfileEntry(r, sev); msg != "" {
				return fieldError(k, f, "%s", msg)
			}
			p[r] = sev
			return nil
		})
	})
	return out, err
}

// decodeLexicons reads language → section → entries.
func decodeLexicons(n *yaml.Node, field string) (map[string]map[string][]string, error) {
	out := map[string]map[string][]string{}
	err := eachPair(n, field, func(lang string, k, v *yaml.Node) error {
		if msg := checkLang(lang); msg != "" {
			return fieldError(k, join(field, lang), "%s", msg)
		}
		sections := map[string][]string{}
		out[lang] = sections
		return eachPair(v, join(field, lang), func(cat string, k, lv *yaml.Node) error {
			f := join(join(field, lang), cat)
			if msg := checkCategory(cat); msg != "" {
				return fieldError(k, f, "%s", msg)
			}
			specs, err := stringList(lv, f)
			for i := 0; err == nil && i < len(specs); i++ {
				if e := checkSpec(specs[i]); e != nil {
					err = &ConfigError{Line: lv.Content[i].Line, Field: fmt.Sprintf("%s[%d]", f, i), Msg: e.Error(), Err: e}
				}
			}
			sections[cat] = specs
			return err
		})
	})
	return out, err
}
