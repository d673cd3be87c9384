package ui

import (
	"strconv"
	"time"
)

// calRange returns the grid of a week or month view holding day (Monday to
// Sunday, whole weeks) and the days the previous and next buttons open.
func calRange(view string, day time.Time) (from, to, prev, next time.Time) {
	monday := func(t time.Time) time.Time { return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) }
	if view == "month" {
		first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, day.Location())
		from = monday(first)
		last := first.AddDate(0, 1, -1)
		to = monday(last).AddDate(0, 0, 7)
		return from, to, first.AddDate(0, -1, 0), first.AddDate(0, 1, 0)
	}
	from = monday(day)
	return from, from.AddDate(0, 0, 7), from.AddDate(0, 0, -7), from.AddDate(0, 0, 7)
}

var monthsFR = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// monthName is t's month for lang ("décembre", "December"): beside the
// days of a month view that belong to the month before or after.
func monthName(t time.Time, lang string) string {
	if lang == "en" {
		return t.Format("January")
	}
	return monthsFR[t.Month()-1]
}

// calLabel names the period shown: "novembre 2026", "semaine du 23/11/2026".
func calLabel(view string, day, from time.Time, lang string) string {
	if view == "month" {
		if lang == "en" {
			return day.Format("January 2006")
		}
		return monthsFR[day.Month()-1] + " " + strconv.Itoa(day.Year())
	}
	if lang == "en" {
		return "Week of " + from.Format("Mon 2 Jan 2006")
	}
	return "Semaine du " + from.Format("02/01/2006")
}
