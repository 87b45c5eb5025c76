package org.hotline12345.knowledge;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast the embedded knowledge base answers with 100,000 articles: generates that many Chinese
 * articles over the work-order categories, builds the Lucene index as the application does, then
 * times 1,000 searches phrased as citizens ask (after 500 warm-up searches) and logs p50, p99 and
 * the worst. Not a test (it is not run by {@code ./mvnw verify}); run it with
 *
 * <pre>
 * ./mvnw -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.hotline12345.knowledge.KnowledgeSearchBenchmark
 * </pre>
 *
 * Arguments (optional): number of articles, number of timed searches.
 */
public final class KnowledgeSearchBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeSearchBenchmark.class);

  private static final String[][] TOPICS = {
    {"PENSION_RESIDENT_CONSULT", "城乡居民养老保险", "参保", "缴费档次", "政府补贴"},
    {"PENSION_RESIDENT_PAYMENT", "居民养老保险", "缴费", "集中缴费期", "代办点"},
    {"SOCIAL_INSURANCE_QUERY", "社保", "查询", "缴费记录", "参保证明"},
    {"SOCIAL_INSURANCE_CERT", "社保待遇", "资格认证", "人脸识别", "上门认证"},
    {"SOCIAL_SECURITY_CARD", "社保卡", "补办", "挂失", "激活"},
    {"WAGE_ARREARS", "工资", "拖欠", "劳动监察", "仲裁"},
    {"PENSION_EMPLOYEE_PAYMENT", "职工养老保险", "缴纳", "缴费基数", "灵活就业"},
    {"PENSION_EMPLOYEE_QUERY", "职工养老保险", "缴费年限", "养老金测算", "退休"},
    {"UNEMPLOYMENT_INSURANCE", "失业保险金", "申领", "失业登记", "领取期限"},
    {"WORK_INJURY_INSURANCE", "工伤", "认定", "劳动能力鉴定", "工伤待遇"},
    {"MEDICAL_RESIDENT_CONSULT", "居民医保", "待遇", "报销比例", "门诊慢特病"},
    {"MEDICAL_RESIDENT_ENROL", "居民医保", "参保登记", "新生儿", "缴费"},
    {"MEDICAL_RESIDENT_CLAIM", "医保", "报销", "住院费用", "零星报销"},
    {"MEDICAL_FILING", "医保", "备案", "异地就医", "转诊"},
    {"MEDICAL_OUT_OF_AREA", "异地就医", "直接结算", "跨省", "定点医院"},
    {"HOUSING_FUND_LOAN", "公积金贷款", "额度", "贷款利率", "还款"},
    {"HOUSING_FUND_WITHDRAWAL", "公积金", "提取", "租房", "购房"},
    {"HOUSING_FUND_DEPOSIT", "公积金", "缴存", "缴存比例", "开户"},
    {"HOUSING_FUND_TRANSFER", "公积金", "转移", "异地转移", "接续"},
    {"HOUSING_FUND_BALANCE", "公积金", "余额", "缴存明细", "查询"},
    {"WATER_SUPPLY", "供水", "停水", "水压", "水费"},
    {"HEATING", "供暖", "暖气不热", "供暖费", "报停"},
    {"ROAD_FACILITIES", "道路", "井盖", "路灯", "坑洼"},
    {"SANITATION", "垃圾", "清运", "保洁", "公厕"},
    {"NOISE", "噪声", "施工", "夜间", "广场舞"},
    {"PROPERTY_MANAGEMENT", "物业", "物业费", "电梯", "维修基金"}
  };
  private static final String[] PLACES = {
    "萨尔图区", "让胡路区", "龙凤区", "红岗区", "大同区", "肇州县", "肇源县", "林甸县", "杜尔伯特", "高新区"
  };
  private static final String[] WHO = {
    "退休人员", "在职职工", "灵活就业人员", "个体户", "农民工", "大学毕业生", "新生儿家长", "残疾人", "外地户籍", "企业经办人"
  };
  private static final String[] ASK = {"怎么办理", "需要哪些材料", "在哪里办", "多久能办好", "有什么条件", "能网上办吗"};
  private static final String[] CHANNELS = {
    "可通过政务服务网办理", "可到政务服务中心窗口办理", "可在手机APP上办理", "可拨打12345热线咨询", "可到社区服务站代办"
  };
  private static final String[] MATERIALS = {
    "身份证", "户口簿", "银行卡", "劳动合同", "发票", "医院诊断证明", "购房合同", "租赁合同"
  };

  private KnowledgeSearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int articleCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int searchCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    Random random = new Random(12345);

    try (ArticleIndex index = new ArticleIndex()) {
      long started = System.nanoTime();
      int indexed =
          index.rebuild(
              each -> {
                for (int i = 1; i <= articleCount; i++) {
                  each.accept(article(i, random));
                }
              });
      long buildMillis = (System.nanoTime() - started) / 1_000_000;
      LOG.info("Indexed {} articles in {} ms", indexed, buildMillis);

      String[] queries = new String[searchCount + 500];
      for (int i = 0; i < queries.length; i++) {
        queries[i] = query(random);
      }
      for (int i = 0; i < 500; i++) {
        index.search(queries[i], i % 3 == 0 ? topic(random)[0] : null, 5);
      }
      long[] nanos = new long[searchCount];
      long found = 0;
      for (int i = 0; i < searchCount; i++) {
        String category = i % 3 == 0 ? TOPICS[i % TOPICS.length][0] : null;
        long t = System.nanoTime();
        List<KnowledgeMatch> matches = index.search(queries[500 + i], category, 5);
        nanos[i] = System.nanoTime() - t;
        found += matches.size();
      }
      Arrays.sort(nanos);
      LOG.info(
          "{} searches over {} articles ({} cores, Java {}): p50 {} ms, p99 {} ms, max {} ms,"
              + " {} matches on average",
          searchCount,
          indexed,
          Runtime.getRuntime().availableProcessors(),
          Runtime.version().feature(),
          millis(nanos[searchCount / 2]),
          millis(nanos[(int) Math.ceil(searchCount * 0.99) - 1]),
          millis(nanos[searchCount - 1]),
          String.format("%.1f", (double) found / searchCount));
    }
  }

  private static Article article(int id, Random random) {
    String[] topic = topic(random);
    String who = pick(WHO, random);
    String place = pick(PLACES, random);
    String question =
        place + who + topic[1] + topic[2] + pick(ASK, random) + "？" + topic[3] + "有什么规定？";
    String answer =
        "【示例】"
            + who
            + "办理"
            + topic[1]
            + topic[2]
            + "，须携带"
            + pick(MATERIALS, random)
            + "和"
            + pick(MATERIALS, random)
            + "，"
            + pick(CHANNELS, random)
            + "。"
            + topic[3]
            + "和"
            + topic[4]
            + "按本市规定执行，"
            + place
            + "的具体办理地点以当地公告为准。一般在"
            + (3 + random.nextInt(18))
            + "个工作日内办结。";
    return new Article(
        id,
        question,
        answer,
        topic[0],
        "unitHrss",
        List.of(topic[1] + topic[2], topic[3], topic[4]),
        null,
        ArticleStatus.PUBLISHED,
        true,
        1,
        "benchmark",
        Instant.EPOCH);
  }

  private static String query(Random random) {
    String[] topic = topic(random);
    return switch (random.nextInt(4)) {
      case 0 -> topic[1] + "怎么" + topic[2];
      case 1 -> "我是" + pick(WHO, random) + "，想问一下" + topic[1] + topic[2] + "需要什么材料";
      case 2 -> pick(PLACES, random) + topic[3] + "在哪里办";
      default -> topic[1] + topic[4] + "有什么规定";
    };
  }

  private static String[] topic(Random random) {
    return TOPICS[random.nextInt(TOPICS.length)];
  }

  private static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }

  private static String millis(long nanos) {
    return String.format("%.2f", nanos / 1_000_000.0);
  }
}
