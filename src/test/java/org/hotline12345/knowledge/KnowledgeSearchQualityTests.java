package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a citizen asks, in their own words, finds the right sample article first: the index of the
 * 20 high-frequency items of seed 000, searched as an agent would search it.
 */
class KnowledgeSearchQualityTests {

  private static ArticleIndex index;
  private static List<Article> samples;

  @BeforeAll
  static void indexTheSampleArticles() {
    List<ArticleInput> inputs =
        KnowledgeStartup.sampleArticles(new ObjectMapper().registerModule(new JavaTimeModule()));
    samples = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      ArticleInput in = inputs.get(i);
      samples.add(
          new Article(
              i + 1,
              in.question(),
              in.answer(),
              in.category(),
              in.unit(),
              in.keywords(),
              null,
              ArticleStatus.PUBLISHED,
              true,
              1,
              "system",
              Instant.now()));
    }
    index = new ArticleIndex();
    index.rebuild(each -> samples.forEach(each));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "公积金怎么提取, HOUSING_FUND_WITHDRAWAL",
    "我想把住房公积金取出来付房租, HOUSING_FUND_WITHDRAWAL",
    "公积金账户里还剩多少钱在哪查, HOUSING_FUND_BALANCE",
    "用公积金贷款买房能贷多少, HOUSING_FUND_LOAN",
    "调到别的城市工作了公积金怎么转过去, HOUSING_FUND_TRANSFER",
    "公司怎么给员工交公积金, HOUSING_FUND_DEPOSIT",
    "社保卡丢了怎么办, SOCIAL_SECURITY_CARD",
    "老板拖欠工资不发, WAGE_ARREARS",
    "退休老人养老金认证在手机上怎么做, SOCIAL_INSURANCE_CERT",
    "查一下我的社保交了几年, SOCIAL_INSURANCE_QUERY",
    "失业金怎么领, UNEMPLOYMENT_INSURANCE",
    "干活时候受伤了算工伤吗, WORK_INJURY_INSURANCE",
    "去外地住院医保能直接结算吗, MEDICAL_OUT_OF_AREA",
    "去北京看病要先备案吗, MEDICAL_FILING",
    "住院费用医保报销需要什么, MEDICAL_RESIDENT_CLAIM",
    "孩子刚出生怎么上医保, MEDICAL_RESIDENT_ENROL",
    "农村居民养老保险在微信上能交吗, PENSION_RESIDENT_PAYMENT",
  })
  void aCitizensQuestionFindsTheRightArticleFirst(String question, String category) {
    List<KnowledgeMatch> matches = index.search(question, null, 5);

    assertThat(matches).as("matches for %s", question).isNotEmpty();
    assertThat(categoryOf(matches.get(0)))
        .as("best match for %s: %s", question, matches.get(0).question())
        .isEqualTo(category);
    assertThat(matches.get(0).sample()).isTrue();
    assertThat(matches.get(0).answer()).startsWith("【示例】");
  }

  @Test
  void questionWordsAloneFindNothing() {
    assertThat(index.search("请问一下怎么办啊？", null, 5)).isEmpty();
    assertThat(index.search("   ", null, 5)).isEmpty();
  }

  @Test
  void anUnrelatedQuestionFindsNothing() {
    assertThat(index.search("动物园几点开门", null, 5)).isEmpty();
  }

  @Test
  void aCategoryNarrowsTheSearch() {
    List<KnowledgeMatch> matches = index.search("怎么查询", "HOUSING_FUND_BALANCE", 5);

    assertThat(matches).extracting(this::categoryOf).containsOnly("HOUSING_FUND_BALANCE");
  }

  @Test
  void chineseTextIsSegmentedIntoWords() {
    assertThat(index.words("住房公积金怎么提取")).contains("公积金", "提取").doesNotContain("怎么");
  }

  @Test
  void aRetiredArticleLeavesTheIndex() {
    Article withdrawal =
        samples.stream()
            .filter(a -> a.category().equals("HOUSING_FUND_WITHDRAWAL"))
            .findFirst()
            .orElseThrow();
    ArticleIndex own = new ArticleIndex();
    own.rebuild(each -> samples.forEach(each));
    own.update(
        new Article(
            withdrawal.id(),
            withdrawal.question(),
            withdrawal.answer(),
            withdrawal.category(),
            withdrawal.unit(),
            withdrawal.keywords(),
            null,
            ArticleStatus.RETIRED,
            true,
            2,
            "reviewer1",
            Instant.now()));

    assertThat(own.search("公积金怎么提取", null, 20))
        .extracting(KnowledgeMatch::articleId)
        .doesNotContain(Long.toString(withdrawal.id()));
    assertThat(own.size()).isEqualTo(samples.size() - 1);
  }

  private String categoryOf(KnowledgeMatch match) {
    return samples.get(Integer.parseInt(match.articleId()) - 1).category();
  }
}
