package approval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/relais/relais"
	"github.com/relais/relais/approval/tone"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// ToneRulesFile edits the campaign's tone rules: the YAML file the server
// loads, and the running checker it reloads atomically.
type ToneRulesFile struct {
	store   *store.Store
	checker *tone.Checker
	path    string
	initial string // shown when the file does not exist yet
}

// NewToneRulesFile edits the rules at path for checker. initial is offered
// as a starting point when the file does not exist.
func NewToneRulesFile(s *store.Store, checker *tone.Checker, path, initial string) *ToneRulesFile {
	return &ToneRulesFile{store: s, checker: checker, path: path, initial: initial}
}

// Profiles returns the running profiles' names.
func (f *ToneRulesFile) Profiles() []string { return f.checker.Engine().Profiles() }

// Read returns the rules file. Returns EFORBIDDEN unless the caller is an
// admin or an editor.
func (f *ToneRulesFile) Read(ctx context.Context) (string, error) {
	if err := mayEditSettings(ctx); err != nil {
		return "", err
	}
	b, err := os.ReadFile(f.path)
	if errors.Is(err, os.ErrNotExist) {
		return f.initial, nil
	} else if err != nil {
		return "", fmt.Errorf("cannot read tone rules: %w", err)
	}
	return string(b), nil
}

// Validate parses and compiles data as a reload would. Returns EFORBIDDEN
// unless the caller is an admin or an editor, and a *tone.ConfigError
// (line and field) for bad rules.
func (f *ToneRulesFile) Validate(ctx context.Context, data []byte) (*tone.Config, error) {
	if err := mayEditSettings(ctx); err != nil {
		return nil, err
	}
	cfg, err := tone.ParseConfig(data)
	if err == nil {
		_, err = tone.New(cfg)
	}
	return cfg, err
}

// Save validates data, writes it over the file atomically, swaps the
// running rules and audits the change. Only an admin may. Returns
// EFORBIDDEN otherwise, and a *tone.ConfigError for bad rules (the running
// rules then stay in force).
func (f *ToneRulesFile) Save(ctx context.Context, data []byte) error {
	m, err := caller(ctx)
	if err != nil {
		return err
	} else if !policy.Can(m, policy.ToneRulesSave, policy.Object{}) {
		return relais.Errorf(relais.EFORBIDDEN, "Only an admin may change the tone rules.")
	}
	cfg, err := f.Validate(ctx, data)
	if err != nil {
		return err
	}
	if err := writeAtomic(f.path, data); err != nil {
		return err
	}
	if err := f.checker.Reload(cfg); err != nil {
		return fmt.Errorf("cannot reload tone rules: %w", err)
	}
	return f.store.Update(ctx, func(tx *store.Tx) error {
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: "tone.rules_reloaded",
			Detail: fmt.Sprintf("%d bytes written to %s", len(data), filepath.Base(f.path))})
	})
}

// writeAtomic writes data beside path and renames it over path.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tone-*.yaml")
	if err != nil {
		return fmt.Errorf("cannot write tone rules: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write tone rules: %w", err)
	} else if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write tone rules: %w", err)
	} else if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot replace tone rules: %w", err)
	}
	return nil
}

// mayEditSettings refuses all but admins and editors.
func mayEditSettings(ctx context.Context) error {
	m, err := caller(ctx)
	if err != nil {
		return err
	} else if !policy.Can(m, policy.SettingsOpen, policy.Object{}) {
		return relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not open the settings.", m.Role)
	}
	return nil
}
