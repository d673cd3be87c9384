package store

import (
	"time"

	"gorm.io/gorm/clause"
)

// Experiment is an A/B test of a post's share text.
type Experiment struct {
	ID             int64 `gorm:"primaryKey"`
	PostID         int64
	Audience       string // colistiers or supporters
	SamplePermille int
	Metric         string // clicks or shares
	DecideAfterS   int64
	State          string // awaiting_approval, running, decided, sent
	StartedAt      *time.Time
	Winner         int
	PValue         string
	Outcome        string
	CreatedBy      int64
	CreatedAt      time.Time
}

// TableName implements gorm's tabler.
func (Experiment) TableName() string { return "experiments" }

// ExperimentArm is one variant: its own post.
type ExperimentArm struct {
	ExperimentID int64 `gorm:"primaryKey"`
	Arm          int   `gorm:"primaryKey"`
	PostID       int64
	Sent         bool
	N            int64 // recipients, frozen at the decision
	Successes    int64 // shares or clicks, frozen at the decision
}

// TableName implements gorm's tabler.
func (ExperimentArm) TableName() string { return "experiment_arms" }

// ExperimentRecipient is one member or supporter of an arm's sample.
type ExperimentRecipient struct {
	ExperimentID int64
	Arm          int
	MemberID     int64
	SupporterID  int64
	District     string
}

// TableName implements gorm's tabler.
func (ExperimentRecipient) TableName() string { return "experiment_recipients" }

// CreateExperiment inserts an experiment, its arms and its recipients.
func (tx *Tx) CreateExperiment(e *Experiment, arms []ExperimentArm, rs []ExperimentRecipient) error {
	e.CreatedAt = tx.Now()
	if err := tx.db.Create(e).Error; err != nil {
		return err
	}
	for i := range arms {
		arms[i].ExperimentID = e.ID
	}
	for i := range rs {
		rs[i].ExperimentID = e.ID
	}
	if err := tx.db.Create(&arms).Error; err != nil {
		return err
	}
	if len(rs) == 0 {
		return nil
	}
	return tx.db.CreateInBatches(&rs, 300).Error
}

// ExperimentByID returns an experiment and its arms. ENOTFOUND if none.
func (tx *Tx) ExperimentByID(id int64) (*Experiment, []ExperimentArm, error) {
	var e Experiment
	if err := notFound(tx.db.First(&e, id).Error, "experiment", id); err != nil {
		return nil, nil, err
	}
	var arms []ExperimentArm
	err := tx.db.Where("experiment_id = ?", id).Order("arm").Find(&arms).Error
	return &e, arms, err
}

// ExperimentForUpdate is ExperimentByID with the experiment's row locked
// until tx ends (PostgreSQL; SQLite transactions are serialised): two
// deciders of one experiment take turns, the second reading the first's
// outcome.
func (tx *Tx) ExperimentForUpdate(id int64) (*Experiment, []ExperimentArm, error) {
	if tx.store.dialect == DialectPostgres {
		var locked []int64
		if err := tx.db.Model(&Experiment{}).Clauses(clause.Locking{Strength: "UPDATE"}).Where("id = ?", id).Pluck("id", &locked).Error; err != nil {
			return nil, nil, err
		}
	}
	return tx.ExperimentByID(id)
}

// ExperimentOfPost returns the experiment testing a post's share text, or
// nil.
func (tx *Tx) ExperimentOfPost(postID int64) (*Experiment, error) {
	var es []Experiment
	err := tx.db.Where("post_id = ?", postID).Order("id DESC").Limit(1).Find(&es).Error
	if err != nil || len(es) == 0 {
		return nil, err
	}
	return &es[0], nil
}

// ArmOfPost returns the arm a post is, or nil.
func (tx *Tx) ArmOfPost(postID int64) (*ExperimentArm, error) {
	var arms []ExperimentArm
	err := tx.db.Where("post_id = ?", postID).Limit(1).Find(&arms).Error
	if err != nil || len(arms) == 0 {
		return nil, err
	}
	return &arms[0], nil
}

// Recipients returns an arm's recipients (arm < 0: all arms).
func (tx *Tx) Recipients(experimentID int64, arm int) ([]ExperimentRecipient, error) {
	var rs []ExperimentRecipient
	q := tx.db.Where("experiment_id = ?", experimentID)
	if arm >= 0 {
		q = q.Where("arm = ?", arm)
	}
	return rs, q.Find(&rs).Error
}

// MarkArmSent records that an arm's suggestions went out.
func (tx *Tx) MarkArmSent(experimentID int64, arm int) error {
	return tx.db.Model(&ExperimentArm{}).Where("experiment_id = ? AND arm = ?", experimentID, arm).Update("sent", true).Error
}

// UpdateExperiment saves an experiment's state and outcome.
func (tx *Tx) UpdateExperiment(e *Experiment) error {
	return tx.db.Model(&Experiment{}).Where("id = ?", e.ID).Updates(map[string]any{"state": e.State, "started_at": e.StartedAt,
		"winner": e.Winner, "p_value": e.PValue, "outcome": e.Outcome}).Error
}

// SuggestionStates counts a post's suggestions by state.
func (tx *Tx) SuggestionStates(postID int64) (map[string]int64, error) {
	var rows []struct {
		State string
		N     int64
	}
	err := tx.db.Raw(`SELECT state, COUNT(*) AS n FROM suggestions WHERE post_id = ? GROUP BY state`, postID).Scan(&rows).Error
	out := map[string]int64{}
	for _, r := range rows {
		out[r.State] = r.N
	}
	return out, err
}

// PostClicks sums the clicks of a post's links.
func (tx *Tx) PostClicks(postID int64) (int64, error) {
	var n int64
	err := tx.db.Raw(`SELECT COALESCE(SUM(c.clicks), 0) FROM link_clicks c JOIN links l ON l.id = c.link_id WHERE l.post_id = ?`, postID).Scan(&n).Error
	return n, err
}

// SaveArmCounts freezes an arm's figures at the decision.
func (tx *Tx) SaveArmCounts(experimentID int64, arm int, n, successes int64) error {
	return tx.db.Model(&ExperimentArm{}).Where("experiment_id = ? AND arm = ?", experimentID, arm).
		Updates(map[string]any{"n": n, "successes": successes}).Error
}

// Experiments returns the latest experiments, newest first.
func (tx *Tx) Experiments(limit int) ([]Experiment, error) {
	var es []Experiment
	return es, tx.db.Order("id DESC").Limit(limit).Find(&es).Error
}

// ExperimentAudience returns the IDs of an experiment's audience (members
// when audience is "colistiers", supporters otherwise; members says which)
// and each one's district.
func (tx *Tx) ExperimentAudience(audience string) (ids []int64, districts map[int64]string, members bool, err error) {
	table := "supporters"
	if members = audience == "colistiers"; members {
		table = "members"
		ids, err = tx.ColistierIDs(nil)
	} else {
		ids, err = tx.SupporterIDs(nil)
	}
	if err != nil {
		return nil, nil, members, err
	}
	districts, err = tx.Districts(table, ids)
	return ids, districts, members, err
}
