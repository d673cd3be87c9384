package tone

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// Lexicon files: long word lists kept beside the configuration,
//
//	lexicon_files:
//	  - {lang: fr, section: attack, path: attaques.txt}
//
// one entry a line in the notation of the lexicons ("menteur",
// "mentir/v3", "racket fiscal~0.5"), blank lines and "#" comments skipped.
// A relative path is read from the configuration file's folder (LoadConfig)
// or the working directory (ParseConfig). A missing file or a bad entry is
// a *ConfigError naming the YAML line, the field and the file's line.

// decodeLexiconFiles reads the lexicon_files list and merges the files'
// entries into cfg.Lexicons.
func decodeLexiconFiles(n *yaml.Node, field, dir string, cfg *Config) error {
	if n.Kind != yaml.SequenceNode {
		return fieldError(n, field, "want a list, got %s", kindName(n))
	}
	for i, item := range n.Content {
		f := fmt.Sprintf("%s[%d]", field, i)
		lang, section, path, err := decodeLexiconFile(item, f)
		if err != nil {
			return err
		}
		specs, err := readLexiconFile(resolvePath(dir, path))
		if err != nil {
			return &ConfigError{Line: item.Line, Field: f + ".path", Msg: err.Error(), Err: err}
		}
		if cfg.Lexicons == nil {
			cfg.Lexicons = map[string]map[string][]string{}
		}
		if cfg.Lexicons[lang] == nil {
			cfg.Lexicons[lang] = map[string][]string{}
		}
		cfg.Lexicons[lang][section] = append(cfg.Lexicons[lang][section], specs...)
	}
	return nil
}

// decodeLexiconFile reads one {lang, section, path} item.
func decodeLexiconFile(n *yaml.Node, field string) (lang, section, path string, err error) {
	err = eachPair(n, field, func(key string, k, v *yaml.Node) error {
		s, err := scalar(v, join(field, key))
		if err != nil {
			return err
		}
		switch key {
		case "lang":
			lang = s
		case "section":
			section = s
		case "path":
			path = s
		default:
			return fieldError(k, join(field, key), "unknown field (want lang, section or path)")
		}
		return nil
	})
	switch {
	case err != nil:
	case checkLang(lang) != "":
		err = fieldError(n, join(field, "lang"), "%s", checkLang(lang))
	case checkCategory(section) != "":
		err = fieldError(n, join(field, "section"), "%s", checkCategory(section))
	case strings.TrimSpace(path) == "":
		err = fieldError(n, join(field, "path"), "path is required")
	}
	return lang, section, path, err
}

func resolvePath(dir, path string) string {
	if filepath.IsAbs(path) || dir == "" {
		return path
	}
	return filepath.Join(dir, path)
}

// readLexiconFile returns the entries of the file at path, checked.
func readLexiconFile(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon file %q cannot be read: %w", path, err)
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := checkSpec(line); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, line)
	}
	return out, sc.Err()
}
