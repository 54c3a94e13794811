package ui

import (
	"slices"

	"fyne.io/fyne/v2/dialog"
)

// The dialogs the window shows, newest last: Esc closes the one on top,
// Enter answers it as its highlighted button would.

// showDialog shows a dialog and keeps track of it until it is closed.
func (u *UI) showDialog(d dialog.Dialog) {
	u.dialogs = append(u.dialogs, d)
	d.SetOnClosed(func() {
		u.dialogs = slices.DeleteFunc(u.dialogs, func(x dialog.Dialog) bool { return x == d })
	})
	d.Show()
}

// Fyne's own error, information and confirmation dialogs label their
// buttons, and title an error, in the system's language; these are the
// same dialogs in the window's.

// showError says what went wrong, with an OK button.
func (u *UI) showError(err error) { u.showInfo(tr("dialog.error"), capitalize(err.Error())) }

func (u *UI) showInfo(title, message string) {
	d := dialog.NewInformation(title, message, u.win)
	d.SetDismissText(tr("dialog.ok"))
	u.showDialog(d)
}

// askConfirm asks a yes-or-no question; yes runs on Yes (or Enter).
func (u *UI) askConfirm(title, message string, yes func()) {
	d := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			yes()
		}
	}, u.win)
	d.SetConfirmText(tr("dialog.yes"))
	d.SetDismissText(tr("dialog.no"))
	u.showDialog(d)
}

// topDialog is the dialog on top, if one is open.
func (u *UI) topDialog() (dialog.Dialog, bool) {
	if len(u.dialogs) == 0 {
		return nil, false
	}
	return u.dialogs[len(u.dialogs)-1], true
}

// enterDialog answers the dialog on top as Enter does: a question is
// confirmed, a message is closed. It reports whether there was one.
func (u *UI) enterDialog() bool {
	d, ok := u.topDialog()
	if !ok {
		return false
	}
	if c, ok := d.(*dialog.ConfirmDialog); ok {
		c.Confirm()
		return true
	}
	d.Hide()
	return true
}
