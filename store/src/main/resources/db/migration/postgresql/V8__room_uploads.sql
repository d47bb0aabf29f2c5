-- Who may share files in a registered room (ChanServ SET <#room> UPLOADS): default, everyone, registered, voiced or
-- off. 'default' follows the server's --uploads policy; rooms registered before this migration keep following it.
ALTER TABLE rooms ADD COLUMN uploads TEXT NOT NULL DEFAULT 'default';
