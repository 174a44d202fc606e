"""Modal dialogs shared by the apps: confirm, text, choice, form, action form."""
