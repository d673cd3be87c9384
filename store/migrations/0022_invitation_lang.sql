-- An invitation's language (issue 14 item 4): the invitation e-mail is
-- written in it and the member it creates reads the dashboard and her
-- e-mails in it.
ALTER TABLE invitations ADD COLUMN lang TEXT NOT NULL DEFAULT 'fr';
