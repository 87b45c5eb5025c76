#!/usr/bin/env python3
"""Writes the Simplified Chinese locale (zh.json) and config.js of the Camunda webapps.

Reads every app's en.json and config.js from the camunda-webapp-webjar in the local Maven
repository, translates each label with zh-CN.dictionary.json (English text -> Chinese text) and
writes src/main/resources/META-INF/resources/webjars/camunda/app/<app>/{locales/zh.json,scripts/config.js}.

After a Camunda upgrade: run it; it lists every English text the dictionary lacks (add those to
the dictionary, following GLOSSARY.md) and fails until there is none. WebappTranslationTests checks
the result against the webjar on the test classpath.

    python3 tools/webapp-i18n/build.py [path/to/camunda-webapp-webjar-<version>.jar]
"""
import json
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
VERSION = "7.24.0"
APPS = ["tasklist", "cockpit", "admin", "welcome"]
APP_NAMES = {"tasklist": "任务列表", "cockpit": "流程监控", "admin": "系统管理", "welcome": "欢迎页"}
OUT = os.path.join(REPO, "src/main/resources/META-INF/resources/webjars/camunda/app")

# moment.js calendar data for Chinese; same shape as the dateLocales of en.json
DATE_LOCALES = {
    "calendar": {
        "lastDay": "[昨天] LT",
        "lastWeek": "[上]dddd LT",
        "nextDay": "[明天] LT",
        "nextWeek": "[下]dddd LT",
        "sameDay": "[今天] LT",
        "sameElse": "L",
    },
    "longDateFormat": {
        "L": "YYYY-MM-DD",
        "LL": "YYYY年M月D日",
        "LLL": "YYYY年M月D日 LT",
        "LLLL": "YYYY年M月D日dddd LT",
        "LT": "HH:mm",
    },
    "months": ["一月", "二月", "三月", "四月", "五月", "六月",
               "七月", "八月", "九月", "十月", "十一月", "十二月"],
    "monthsShort": ["1月", "2月", "3月", "4月", "5月", "6月",
                    "7月", "8月", "9月", "10月", "11月", "12月"],
    "relativeTime": {
        "M": "1 个月", "MM": "%d 个月", "d": "1 天", "dd": "%d 天",
        "future": "%s后", "h": "1 小时", "hh": "%d 小时", "m": "1 分钟",
        "mm": "%d 分钟", "past": "%s前", "s": "几秒", "y": "1 年", "yy": "%d 年",
    },
    "week": {"dow": 1, "doy": 4},
    "weekdays": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
    "weekdaysMin": ["日", "一", "二", "三", "四", "五", "六"],
    "weekdaysShort": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
}

LOCALES_BLOCK = """  // 12345 hotline: Simplified Chinese by default; browsers set to English get English
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
"""

SHORTCUTS = {
    "claims the currently selected task": "认领当前选中的任务",
    "set the focus to the first filter in the list": "将焦点移到列表中的第一个过滤器",
    "sets the focus to the first task in the list": "将焦点移到列表中的第一个任务",
    "sets the focus to the first input field in a task form": "将焦点移到任务表单的第一个输入框",
    "opens the start process modal dialog": "打开“发起流程”对话框",
}


# What an app's config.js adds beyond the language (README: 工单审计).
APP_EXTRAS = {
    "tasklist": "  // the started order's number, Chinese form messages, Shanghai deadlines, Chinese names\n"
                "  customScripts: ['scripts/hotline/screens'],\n",
    "cockpit": "  // 工单审计: the auditors' read-only view of any work order, running or closed\n"
               "  customScripts: ['scripts/work-order-audit/plugin'],\n",
}


def default_jar():
    m2 = os.path.expanduser("~/.m2/repository")
    return os.path.join(m2, "org/camunda/bpm/webapp/camunda-webapp-webjar", VERSION,
                        "camunda-webapp-webjar-%s.jar" % VERSION)


def config_js(shipped, app):
    marker = "export default {\n"
    assert marker in shipped, "config.js of %s changed its shape" % app
    block = LOCALES_BLOCK
    if app in APP_NAMES:
        block = "  // header and page title in Chinese\n  app: {\n    name: '%s'\n  },\n" % APP_NAMES[app] + block
    block += APP_EXTRAS.get(app, "")
    text = shipped.replace(marker, marker + block, 1)
    for en, zh in SHORTCUTS.items():
        text = text.replace("description: '%s'" % en, "description: '%s'" % zh)
    return text


def main():
    jar = sys.argv[1] if len(sys.argv) > 1 else default_jar()
    with open(os.path.join(HERE, "zh-CN.dictionary.json"), encoding="utf-8") as f:
        dictionary = json.load(f)
    missing = set()
    with zipfile.ZipFile(jar) as z:
        for app in APPS:
            base = "META-INF/resources/webjars/camunda/app/%s/" % app
            en = json.loads(z.read(base + "locales/en.json").decode("utf-8-sig"))
            zh = {}
            for key, value in en.items():
                if key == "dateLocales":
                    zh[key] = DATE_LOCALES
                elif key == "labels":
                    labels = {}
                    for k, v in value.items():
                        if v not in dictionary:
                            missing.add(v)
                        labels[k] = dictionary.get(v, v)
                    zh[key] = labels
                else:
                    raise SystemExit("unexpected top-level key %s in %s/en.json" % (key, app))
            os.makedirs(os.path.join(OUT, app, "locales"), exist_ok=True)
            os.makedirs(os.path.join(OUT, app, "scripts"), exist_ok=True)
            with open(os.path.join(OUT, app, "locales", "zh.json"), "w", encoding="utf-8") as f:
                json.dump(zh, f, ensure_ascii=False, indent=2)
                f.write("\n")
            shipped = z.read(base + "scripts/config.js").decode("utf-8")
            with open(os.path.join(OUT, app, "scripts", "config.js"), "w", encoding="utf-8") as f:
                f.write(config_js(shipped, app))
            print("%s: %d labels" % (app, len(en["labels"])))
    if missing:
        for m in sorted(missing):
            print("MISSING: " + json.dumps(m, ensure_ascii=False))
        raise SystemExit("%d English texts have no Chinese text in zh-CN.dictionary.json" % len(missing))


if __name__ == "__main__":
    main()
