-- Every node keeps its own search index of the knowledge base and follows the changes other nodes
-- make (knowledge/ArticleChangeFeed): when a row last changed, on the database's clock (one clock for
-- every node, unlike changed_at, which is the engine's clock of the node that wrote it).
ALTER TABLE knowledge_article ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;

CREATE INDEX knowledge_article_recorded_at ON knowledge_article (recorded_at);
