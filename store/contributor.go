package store

// AddContributor records that member wrote or edited post's words. It is
// idempotent; call it in the transaction that changes the words.
func (tx *Tx) AddContributor(postID, memberID int64) error {
	return tx.db.Exec(`INSERT INTO post_contributors (post_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
		postID, memberID).Error
}

// IsContributor reports whether member wrote or edited post's words.
func (tx *Tx) IsContributor(postID, memberID int64) (bool, error) {
	var n int64
	err := tx.db.Raw(`SELECT COUNT(*) FROM post_contributors WHERE post_id = ? AND member_id = ?`,
		postID, memberID).Scan(&n).Error
	return n > 0, err
}
