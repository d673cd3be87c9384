package store

import "github.com/relais/relais"

type roundRow struct {
	ID         int64 `gorm:"primaryKey"`
	Name       string
	Day        string
	PollsClose string
}

func (roundRow) TableName() string { return "election_rounds" }

// AddElectionRound validates and inserts a round, setting r.ID.
func (tx *Tx) AddElectionRound(r *relais.ElectionRound) error {
	if r.PollsClose == "" {
		r.PollsClose = "20:00"
	}
	if _, _, err := r.Window(tx.store.loc); err != nil {
		return err
	}
	row := roundRow{Name: r.Name, Day: r.Day, PollsClose: r.PollsClose}
	if err := tx.db.Create(&row).Error; err != nil {
		return err
	}
	r.ID = row.ID
	return nil
}

// Blackout returns the campaign's blackout windows.
func (tx *Tx) Blackout() (relais.Blackout, error) {
	var rows []roundRow
	if err := tx.db.Order("day").Find(&rows).Error; err != nil {
		return relais.Blackout{}, err
	}
	b := relais.Blackout{Loc: tx.store.loc}
	for _, r := range rows {
		b.Rounds = append(b.Rounds, relais.ElectionRound{ID: r.ID, Name: r.Name, Day: r.Day, PollsClose: r.PollsClose})
	}
	return b, nil
}
