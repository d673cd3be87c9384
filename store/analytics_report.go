package store

import "time"

// DistrictCount is one district's count of something.
type DistrictCount struct {
	District string
	State    string // for suggestion counts
	N        int64
	Points   int64 // for engagement: deliveries with figures
}

// PostsPublishedByDistrict counts, per district, the posts published in
// [from, to) on an account of that district.
func (tx *Tx) PostsPublishedByDistrict(from, to time.Time) ([]DistrictCount, error) {
	var out []DistrictCount
	err := tx.db.Raw(`SELECT a.district AS district, COUNT(DISTINCT d.post_id) AS n
FROM deliveries d JOIN accounts a ON a.id = d.account_id
WHERE d.state = 'published' AND d.published_at >= ? AND d.published_at < ? AND a.district <> ''
GROUP BY a.district`, from.UTC(), to.UTC()).Scan(&out).Error
	return out, err
}

// SuggestionsByDistrict counts colistiers' suggestions offered in
// [from, to), per district of the colistier and state.
func (tx *Tx) SuggestionsByDistrict(from, to time.Time) ([]DistrictCount, error) {
	var out []DistrictCount
	err := tx.db.Raw(`SELECT m.district AS district, s.state AS state, COUNT(*) AS n
FROM suggestions s JOIN members m ON m.id = s.member_id
WHERE s.not_before >= ? AND s.not_before < ?
GROUP BY m.district, s.state`, from.UTC(), to.UTC()).Scan(&out).Error
	return out, err
}

// ClicksByDistrict sums the clicks of days [fromDay, toDay] (YYYY-MM-DD)
// per district of the link.
func (tx *Tx) ClicksByDistrict(fromDay, toDay string) ([]DistrictCount, error) {
	var out []DistrictCount
	err := tx.db.Raw(`SELECT l.district AS district, SUM(c.clicks) AS n
FROM link_clicks c JOIN links l ON l.id = c.link_id
WHERE c.day >= ? AND c.day <= ?
GROUP BY l.district`, fromDay, toDay).Scan(&out).Error
	return out, err
}

// EngagementByDistrict sums likes, reposts, replies and quotes of the
// latest collection of each delivery published in [from, to), per
// district of its account; Points counts the deliveries with figures.
func (tx *Tx) EngagementByDistrict(from, to time.Time) ([]DistrictCount, error) {
	var out []DistrictCount
	err := tx.db.Raw(`SELECT a.district AS district,
  SUM(COALESCE(m.likes, 0) + COALESCE(m.reposts, 0) + COALESCE(m.replies, 0) + COALESCE(m.quotes, 0)) AS n,
  COUNT(*) AS points
FROM delivery_metrics m JOIN deliveries d ON d.id = m.delivery_id JOIN accounts a ON a.id = d.account_id
WHERE m.error = '' AND d.published_at >= ? AND d.published_at < ? AND a.district <> ''
  AND m.step_hours = (SELECT MAX(m2.step_hours) FROM delivery_metrics m2 WHERE m2.delivery_id = m.delivery_id AND m2.error = '')
GROUP BY a.district`, from.UTC(), to.UTC()).Scan(&out).Error
	return out, err
}

// CampaignBalance counts the posts published in [from, to) on the
// campaign's own accounts: those also published on a colistier's or a
// district's account (colistiers), and the others (candidate).
func (tx *Tx) CampaignBalance(from, to time.Time) (candidate, colistiers int64, err error) {
	var rows []struct{ Col int64 }
	err = tx.db.Raw(`SELECT MAX(CASE WHEN a.owner_kind IN ('colistier', 'district') THEN 1 ELSE 0 END) AS col
FROM deliveries d JOIN accounts a ON a.id = d.account_id
WHERE d.post_id IN (SELECT d2.post_id FROM deliveries d2 JOIN accounts a2 ON a2.id = d2.account_id
  WHERE a2.owner_kind = 'campaign' AND d2.state = 'published' AND d2.published_at >= ? AND d2.published_at < ?)
GROUP BY d.post_id`, from.UTC(), to.UTC()).Scan(&rows).Error
	for _, r := range rows {
		if r.Col == 1 {
			colistiers++
		} else {
			candidate++
		}
	}
	return candidate, colistiers, err
}

// KnownDistricts returns every district named by a member or an account.
func (tx *Tx) KnownDistricts() ([]string, error) {
	var out []string
	err := tx.db.Raw(`SELECT district FROM members WHERE district <> '' UNION SELECT district FROM accounts WHERE district <> '' ORDER BY 1`).
		Scan(&out).Error
	return out, err
}

// NewSupportersByDistrict counts, per district, the supporters who joined
// in [from, to): consent recorded, and the later of their creation in
// relais and their consent inside the window (a contact imported without
// consent counts the week it consents; one imported with an old consent
// counts the week of the import).
func (tx *Tx) NewSupportersByDistrict(from, to time.Time) ([]DistrictCount, error) {
	var out []DistrictCount
	err := tx.db.Raw(`SELECT district, COUNT(*) AS n FROM (
  SELECT district, CASE WHEN created_at IS NULL OR consent_at > created_at THEN consent_at ELSE created_at END AS joined
  FROM supporters WHERE consent_at IS NOT NULL AND district <> '') j
WHERE joined >= ? AND joined < ?
GROUP BY district`, from.UTC(), to.UTC()).Scan(&out).Error
	return out, err
}
