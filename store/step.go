package store

import "time"

type approvalStepRow struct {
	AccountID int64 `gorm:"primaryKey"`
	MemberID  int64
	UpdatedAt time.Time
}

func (approvalStepRow) TableName() string { return "approval_steps" }

// SetApprovalStep makes memberID the second approver of posts to an
// account; memberID 0 removes the second step.
func (tx *Tx) SetApprovalStep(accountID, memberID int64) error {
	if err := tx.db.Where("account_id = ?", accountID).Delete(&approvalStepRow{}).Error; err != nil {
		return err
	} else if memberID == 0 {
		return nil
	}
	return tx.db.Create(&approvalStepRow{AccountID: accountID, MemberID: memberID, UpdatedAt: tx.Now()}).Error
}

// ApprovalSteps returns the second approver of each account that has one,
// by account ID; accountIDs nil means every account.
func (tx *Tx) ApprovalSteps(accountIDs []int64) (map[int64]int64, error) {
	q := tx.db.Model(&approvalStepRow{})
	if accountIDs != nil {
		if len(accountIDs) == 0 {
			return map[int64]int64{}, nil
		}
		q = q.Where("account_id IN ?", accountIDs)
	}
	var rows []approvalStepRow
	if err := q.Order("account_id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[int64]int64, len(rows))
	for _, r := range rows {
		out[r.AccountID] = r.MemberID
	}
	return out, nil
}
