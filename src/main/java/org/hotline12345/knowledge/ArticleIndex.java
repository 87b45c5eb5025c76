package org.hotline12345.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of the published articles, for searching in Chinese: questions, answers and
 * keywords are segmented into words by Lucene's smart Chinese analyzer (SmartChineseAnalyzer, a
 * hidden-Markov word segmenter with its own dictionary), and matches are ranked by BM25 with a
 * match in the question or the keywords counting more than one in the answer.
 *
 * <p>The index lives in memory ({@link ByteBuffersDirectory}), not under {@code ./data}: the
 * database is the truth, the index is rebuilt from it at every start and is updated after every
 * committed change, so there is no second copy on disk that could drift from the database, be left
 * half-written by a crash or be locked by another instance. The price is the rebuild at start (the
 * word segmenter is the slow part: about two minutes for 100,000 articles on two busy cores, see
 * {@code KnowledgeSearchBenchmark}; a city's real knowledge base of a few thousand articles takes
 * seconds) and memory in proportion to the articles. Only published articles are in the index, so a
 * draft or retired article is never found by an agent.
 *
 * <p>Each node keeps its own index: it takes the changes made through itself at once, and those
 * made through other nodes from {@link ArticleChangeFeed} within seconds. The index remembers each
 * article's version it holds, so a change arriving twice or an older one arriving late changes
 * nothing.
 */
@Component
class ArticleIndex implements AutoCloseable {

  static final String ID = "id";
  static final String QUESTION = "question";
  static final String ANSWER = "answer";
  static final String KEYWORDS = "keywords";
  static final String CATEGORY = "category";
  static final String UNIT = "unit";
  static final String SAMPLE = "sample";

  private static final float QUESTION_BOOST = 3.0f;
  private static final float KEYWORDS_BOOST = 2.5f;
  private static final float ANSWER_BOOST = 1.0f;

  /**
   * Words of how a citizen asks, not what about ("请问…怎么…吗"): searching for them would match nearly
   * every article. Added to the analyzer's own stop set (punctuation).
   */
  private static final List<String> QUESTION_WORDS =
      List.of(
          "我", "我们", "你", "你们", "您", "他", "她", "的", "地", "得", "了", "吗", "呢", "啊", "吧", "呀", "哦",
          "嗯", "是", "在", "和", "与", "及", "就", "还", "也", "都", "想", "要", "请问", "请", "问", "问问", "一下",
          "怎么", "怎么样", "怎样", "如何", "什么", "哪些", "哪里", "哪儿", "能", "能否", "可以", "可否", "是否", "该", "应该",
          "个", "这", "那", "这个", "那个", "有没有", "咨询", "知道", "告诉", "下");

  private final Analyzer analyzer = analyzer();

  /** The version of each article this index has taken, published or not. */
  private final Map<Long, Integer> versions = new HashMap<>();

  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final IndexWriter writer;
  private final SearcherManager searchers;

  ArticleIndex() {
    try {
      IndexWriterConfig config = new IndexWriterConfig(analyzer);
      config.setRAMBufferSizeMB(64);
      writer = new IndexWriter(directory, config);
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The analyzer used for the articles and the questions alike. */
  static Analyzer analyzer() {
    CharArraySet stop = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
    stop.addAll(QUESTION_WORDS);
    return new SmartChineseAnalyzer(stop);
  }

  /** Replaces the whole index with the published articles {@code source} gives. */
  synchronized int rebuild(Consumer<Consumer<Article>> source) {
    try {
      writer.deleteAll();
      versions.clear();
      int[] count = {0};
      source.accept(
          article -> {
            versions.put(article.id(), article.version());
            if (article.isPublished()) {
              add(article);
              count[0]++;
            }
          });
      writer.commit();
      searchers.maybeRefreshBlocking();
      return count[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The article changed: published ones are (re)indexed, others leave the index; a version the
   * index already holds, or an older one, changes nothing.
   */
  synchronized void update(Article article) {
    Integer held = versions.get(article.id());
    if (held != null && held >= article.version()) {
      return;
    }
    versions.put(article.id(), article.version());
    try {
      Term id = new Term(ID, Long.toString(article.id()));
      if (article.isPublished()) {
        writer.updateDocument(id, document(article));
      } else {
        writer.deleteDocuments(id);
      }
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<KnowledgeMatch> search(String text, String category, int limit) {
    Query query = query(text, category);
    if (query == null) {
      return List.of();
    }
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top = searcher.search(query, limit);
        List<KnowledgeMatch> matches = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
          Document doc = searcher.storedFields().document(hit.doc);
          matches.add(
              new KnowledgeMatch(
                  doc.get(ID),
                  doc.get(QUESTION),
                  doc.get(ANSWER),
                  doc.get(UNIT),
                  hit.score,
                  doc.getField(SAMPLE).numericValue().intValue() == 1));
        }
        return matches;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int size() {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Each word of the question may match in the question (boosted most), the keywords or the answer;
   * the more words match and the rarer they are, the higher the BM25 score. When the question has
   * words of two or more characters, at least one of them must match: a single character (点, 开, 交)
   * alone is too common to say an article is about the question. Null if the text has no searchable
   * word.
   */
  private Query query(String text, String category) {
    Set<String> words = words(text);
    if (words.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder longWords = new BooleanQuery.Builder();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    boolean anyLongWord = false;
    for (String word : words) {
      Query inAnyField = inAnyField(word);
      if (word.codePointCount(0, word.length()) > 1) {
        longWords.add(inAnyField, Occur.SHOULD);
        anyLongWord = true;
      } else {
        query.add(inAnyField, Occur.SHOULD);
      }
    }
    if (anyLongWord) {
      query.add(longWords.build(), Occur.MUST);
    }
    if (category != null && !category.isBlank()) {
      query.add(new TermQuery(new Term(CATEGORY, category)), Occur.FILTER);
    }
    return query.build();
  }

  private static Query inAnyField(String word) {
    return new BooleanQuery.Builder()
        .add(new BoostQuery(new TermQuery(new Term(QUESTION, word)), QUESTION_BOOST), Occur.SHOULD)
        .add(new BoostQuery(new TermQuery(new Term(KEYWORDS, word)), KEYWORDS_BOOST), Occur.SHOULD)
        .add(new BoostQuery(new TermQuery(new Term(ANSWER, word)), ANSWER_BOOST), Occur.SHOULD)
        .build();
  }

  /** The words of {@code text} as the analyzer segments them, without repeats. */
  Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return words;
    }
    try (TokenStream tokens = analyzer.tokenStream(QUESTION, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }

  private void add(Article article) {
    try {
      writer.addDocument(document(article));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document document(Article article) {
    Document doc = new Document();
    doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
    doc.add(new TextField(QUESTION, article.question(), Field.Store.YES));
    doc.add(new TextField(ANSWER, article.answer(), Field.Store.YES));
    doc.add(new TextField(KEYWORDS, String.join(" ", article.keywords()), Field.Store.NO));
    doc.add(new StringField(CATEGORY, article.category(), Field.Store.NO));
    doc.add(new StoredField(UNIT, article.unit()));
    doc.add(new StoredField(SAMPLE, article.sample() ? 1 : 0));
    return doc;
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }
}
