-- Full-text search over search_docs (hand-written: drizzle-kit does not generate virtual tables).
-- search_fts: trigram tokenizer, serves queries of 3+ characters (TOOLCHAIN.md pitfall 4).
-- search_bi: the bigrams column (every 2-character window, space-separated), serves 2-character queries.
-- Both are external-content tables kept in step with search_docs by the triggers below.
CREATE VIRTUAL TABLE `search_fts` USING fts5(title, body, content='search_docs', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_bi` USING fts5(bigrams, content='search_docs', content_rowid='rowid', tokenize='unicode61');
--> statement-breakpoint
CREATE TRIGGER `search_docs_ai` AFTER INSERT ON `search_docs` BEGIN
  INSERT INTO search_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
  INSERT INTO search_bi(rowid, bigrams) VALUES (new.rowid, new.bigrams);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_ad` AFTER DELETE ON `search_docs` BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
  INSERT INTO search_bi(search_bi, rowid, bigrams) VALUES ('delete', old.rowid, old.bigrams);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_au` AFTER UPDATE ON `search_docs` BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
  INSERT INTO search_bi(search_bi, rowid, bigrams) VALUES ('delete', old.rowid, old.bigrams);
  INSERT INTO search_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
  INSERT INTO search_bi(rowid, bigrams) VALUES (new.rowid, new.bigrams);
END;
