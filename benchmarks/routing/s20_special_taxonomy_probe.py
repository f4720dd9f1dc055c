"""Special categories from the established lists, not from eval examples (session 20; see s20-special-taxonomy.md).

Each term of the lists below (GDPR Art. 9 / Art. 10 and the APPI 要配慮個人情報 guideline items, ICD-10 chapters,
commonly prescribed medicines, treatments and the health processes of work, the stages of a criminal case in England
and Wales, the US and Japan, union offices and federations, sexual orientation and gender identity, religions, their
denominations, rites and roles) is written twice: as a predicate said of someone ("has Crohn's disease", 「クローン病だ」)
and as a topic noun ("Crohn's disease", 「クローン病」). The predicate goes into person templates (a named person, "my
colleague", "our client Mr Hale", a quoted message; 「田中さんは…」「部下の佐藤が…」, keigo, a quoted LINE message), the
noun into topic templates with no one's fact in them ("What is X?", an explainer, a policy sentence, a presentation).

Reported per category and language: the share of person prompts flagged with the right category, and the share of
topic prompts flagged at all, rules alone and as shipped (`scan(learned=True)`). Run from the repository root:

    PYTHONPATH=$PWD/src .venv/bin/python benchmarks/routing/s20_special_taxonomy_probe.py [--misses] [--fp]

In-sample: the rules were changed against these lists, so the "after" figures are not a held-out result.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

from kakehashi.routing import privacy

# (predicate said of a person, topic noun), per (category, language)
TERMS: dict[tuple[str, str], list[tuple[str, str]]] = {}

# --- health, EN ---------------------------------------------------------------------------------------------------
# ICD-10 chapters I-XVII (a few common conditions each, as lay people name them), disabilities (Equality Act 2010 /
# APPI 心身の障害), pregnancy (chapter XV), infectious disease incl. HIV, PrEP and STIs (chapter I)
TERMS["health", "en"] = [
    # I infectious and parasitic
    ("is HIV positive", "HIV"), ("is on PrEP", "PrEP"), ("has chlamydia", "chlamydia"), ("has hepatitis C", "hepatitis C"),
    ("has tuberculosis", "tuberculosis"), ("has genital herpes", "genital herpes"), ("has Lyme disease", "Lyme disease"),
    ("has MRSA", "MRSA"), ("has scabies", "scabies"), ("has gonorrhoea", "gonorrhoea"),
    # II neoplasms
    ("has breast cancer", "breast cancer"), ("has leukaemia", "leukaemia"), ("has a brain tumour", "brain tumours"),
    ("has lymphoma", "lymphoma"), ("has prostate cancer", "prostate cancer"),
    # III blood, IV endocrine
    ("has sickle cell disease", "sickle cell disease"), ("is anaemic", "anaemia"), ("has type 2 diabetes", "type 2 diabetes"),
    ("has an underactive thyroid", "an underactive thyroid"), ("has PCOS", "PCOS"), ("is severely obese", "obesity"),
    # V mental and behavioural
    ("has depression", "depression"), ("has bipolar disorder", "bipolar disorder"), ("has schizophrenia", "schizophrenia"),
    ("has generalised anxiety disorder", "generalised anxiety disorder"), ("has PTSD", "PTSD"), ("has ADHD", "ADHD"),
    ("is autistic", "autism"), ("has an eating disorder", "eating disorders"), ("has OCD", "OCD"),
    ("is a recovering alcoholic", "alcoholism"), ("is in recovery from heroin addiction", "heroin addiction"),
    ("has borderline personality disorder", "borderline personality disorder"), ("had a nervous breakdown", "nervous breakdowns"),
    ("has postnatal depression", "postnatal depression"), ("self-harms", "self-harm"), ("has a gambling addiction", "gambling addiction"),
    # VI nervous system
    ("has epilepsy", "epilepsy"), ("has MS", "MS"), ("has motor neurone disease", "motor neurone disease"),
    ("has Parkinson's", "Parkinson's"), ("has early-onset dementia", "dementia"), ("gets migraines", "migraine"),
    ("has narcolepsy", "narcolepsy"), ("has cerebral palsy", "cerebral palsy"), ("has ME/CFS", "ME/CFS"),
    # VII eye, VIII ear
    ("has glaucoma", "glaucoma"), ("is registered blind", "sight loss"), ("is deaf", "deafness"), ("has tinnitus", "tinnitus"),
    # IX circulatory, X respiratory
    ("had a heart attack", "heart attacks"), ("has high blood pressure", "high blood pressure"), ("had a stroke", "stroke"),
    ("has atrial fibrillation", "atrial fibrillation"), ("had a DVT", "DVT"), ("has asthma", "asthma"), ("has COPD", "COPD"),
    ("has cystic fibrosis", "cystic fibrosis"),
    # XI digestive, XII skin, XIII musculoskeletal
    ("has Crohn's disease", "Crohn's disease"), ("has coeliac disease", "coeliac disease"), ("has IBS", "IBS"),
    ("has severe psoriasis", "psoriasis"), ("has rheumatoid arthritis", "rheumatoid arthritis"), ("has lupus", "lupus"),
    ("has a slipped disc", "slipped discs"), ("has fibromyalgia", "fibromyalgia"), ("has chronic back pain", "chronic back pain"),
    # XIV genitourinary, XV pregnancy, XVII congenital
    ("has kidney failure", "kidney failure"), ("has endometriosis", "endometriosis"), ("has erectile dysfunction", "erectile dysfunction"),
    ("is pregnant", "pregnancy"), ("had a miscarriage", "miscarriage"), ("had a termination", "termination of pregnancy"),
    ("has pre-eclampsia", "pre-eclampsia"), ("has Down syndrome", "Down syndrome"), ("has spina bifida", "spina bifida"),
    # disability
    ("uses a wheelchair", "wheelchair use"), ("has a learning disability", "learning disabilities"), ("is dyslexic", "dyslexia"),
    ("has a stammer", "stammering"), ("is hard of hearing", "hearing loss"), ("has a prosthetic leg", "prosthetic limbs"),
    # medicines (NHS / US top prescribed, generic and brand)
    ("takes sertraline", "sertraline"), ("is on citalopram", "citalopram"), ("takes fluoxetine", "fluoxetine"),
    ("is on mirtazapine", "mirtazapine"), ("takes venlafaxine", "venlafaxine"), ("is on quetiapine", "quetiapine"),
    ("takes lithium", "lithium"), ("is on lamotrigine", "lamotrigine"), ("takes sodium valproate", "sodium valproate"),
    ("is on levetiracetam", "levetiracetam"), ("takes gabapentin", "gabapentin"), ("is on pregabalin", "pregabalin"),
    ("takes tramadol", "tramadol"), ("is on methadone", "methadone"), ("is on buprenorphine", "buprenorphine"),
    ("takes diazepam", "diazepam"), ("takes zopiclone", "zopiclone"), ("is on methylphenidate", "methylphenidate"),
    ("takes Adderall", "Adderall"), ("takes Vyvanse", "Vyvanse"), ("takes metformin", "metformin"), ("is on insulin", "insulin"),
    ("is on Ozempic", "Ozempic"), ("takes Mounjaro", "Mounjaro"), ("takes levothyroxine", "levothyroxine"),
    ("is on warfarin", "warfarin"), ("takes apixaban", "apixaban"), ("is on atorvastatin", "atorvastatin"),
    ("takes amlodipine", "amlodipine"), ("takes ramipril", "ramipril"), ("takes bisoprolol", "bisoprolol"),
    ("is on prednisolone", "prednisolone"), ("takes methotrexate", "methotrexate"), ("is on Humira", "Humira"),
    ("takes hydroxychloroquine", "hydroxychloroquine"), ("uses a salbutamol inhaler", "salbutamol"), ("takes montelukast", "montelukast"),
    ("is on Truvada", "Truvada"), ("takes Descovy", "Descovy"), ("is on Biktarvy", "Biktarvy"), ("takes dolutegravir", "dolutegravir"),
    ("takes tamoxifen", "tamoxifen"), ("is on letrozole", "letrozole"), ("is on Keytruda", "Keytruda"),
    ("is on HRT", "HRT"), ("uses testosterone gel", "testosterone gel"), ("is on Depo-Provera", "Depo-Provera"),
    ("takes naltrexone", "naltrexone"), ("is on Antabuse", "Antabuse"), ("takes acamprosate", "acamprosate"),
    ("is on Champix", "Champix"), ("takes finasteride", "finasteride"), ("takes sildenafil", "sildenafil"),
    ("is on isotretinoin", "isotretinoin"), ("takes valaciclovir", "valaciclovir"), ("is on Dupixent", "Dupixent"),
    ("is on Xanax", "Xanax"), ("takes Seroquel", "Seroquel"), ("takes Lexapro", "Lexapro"), ("is on clozapine", "clozapine"),
    ("takes omeprazole", "omeprazole"), ("is on tamsulosin", "tamsulosin"), ("takes allopurinol", "allopurinol"),
    # treatments and procedures
    ("is having chemo", "chemotherapy"), ("is on dialysis", "dialysis"), ("is doing IVF", "IVF"), ("is in rehab", "rehab"),
    ("is having CBT", "CBT"), ("is having radiotherapy", "radiotherapy"), ("had a hysterectomy", "hysterectomy"),
    ("had a mastectomy", "mastectomy"), ("had bariatric surgery", "bariatric surgery"), ("had a hip replacement", "hip replacement"),
    ("had ECT", "ECT"), ("had an abortion", "abortion"), ("is having counselling for trauma", "trauma counselling"),
    ("had a liver transplant", "liver transplants"), ("is having egg freezing", "egg freezing"), ("had a colonoscopy", "colonoscopy"),
    # health processes at work and in care
    ("is off on a sick note", "sick notes"), ("has a fit note for four weeks", "fit notes"),
    ("was referred to occupational health", "occupational health referrals"),
    ("has an occupational health report recommending reduced hours", "occupational health reports"),
    ("is on a phased return after surgery", "phased returns"), ("is on long-term sick leave", "long-term sick leave"),
    ("was sectioned under the Mental Health Act", "sectioning under the Mental Health Act"), ("claims PIP", "PIP"),
    ("has a Blue Badge", "the Blue Badge scheme"), ("is under the community mental health team", "community mental health teams"),
    ("is on the transplant list", "transplant waiting lists"), ("has an EHCP", "EHCPs"),
]

# --- health, JA ---------------------------------------------------------------------------------------------------
# APPI 要配慮: 病歴, 心身の障害, 健康診断等の結果, 保健指導・診療・調剤; ICD-10 の章立て; よく処方される薬 (カタカナ)
TERMS["health", "ja"] = [
    ("糖尿病だ", "糖尿病"), ("高血圧だ", "高血圧"), ("うつ病だ", "うつ病"), ("適応障害だ", "適応障害"), ("双極性障害だ", "双極性障害"),
    ("統合失調症だ", "統合失調症"), ("パニック障害だ", "パニック障害"), ("発達障害がある", "発達障害"), ("ADHDだ", "ADHD"),
    ("自閉スペクトラム症だ", "自閉スペクトラム症"), ("若年性認知症だ", "若年性認知症"), ("てんかん持ちだ", "てんかん"),
    ("脳梗塞をやった", "脳梗塞"), ("心筋梗塞で倒れた", "心筋梗塞"), ("乳がんだ", "乳がん"), ("白血病だ", "白血病"),
    ("悪性リンパ腫だ", "悪性リンパ腫"), ("HIV陽性だ", "HIV"), ("PrEPを使っている", "PrEP"), ("梅毒にかかった", "梅毒"),
    ("クラミジアにかかった", "クラミジア"), ("B型肝炎のキャリアだ", "B型肝炎"), ("結核にかかった", "結核"), ("帯状疱疹になった", "帯状疱疹"),
    ("喘息持ちだ", "喘息"), ("COPDだ", "COPD"), ("クローン病だ", "クローン病"), ("潰瘍性大腸炎だ", "潰瘍性大腸炎"),
    ("過敏性腸症候群だ", "過敏性腸症候群"), ("アトピー性皮膚炎がひどい", "アトピー性皮膚炎"), ("関節リウマチだ", "関節リウマチ"),
    ("椎間板ヘルニアだ", "椎間板ヘルニア"), ("腎不全だ", "腎不全"), ("子宮内膜症だ", "子宮内膜症"), ("不妊症だ", "不妊症"),
    ("妊娠中だ", "妊娠"), ("切迫早産で安静にしている", "切迫早産"), ("流産した", "流産"), ("妊娠高血圧症候群だ", "妊娠高血圧症候群"),
    ("ダウン症だ", "ダウン症"), ("脳性麻痺がある", "脳性麻痺"), ("視覚障害がある", "視覚障害"), ("聴覚障害がある", "聴覚障害"),
    ("知的障害がある", "知的障害"), ("吃音がある", "吃音"), ("パーキンソン病だ", "パーキンソン病"), ("多発性硬化症だ", "多発性硬化症"),
    ("線維筋痛症だ", "線維筋痛症"), ("強迫性障害だ", "強迫性障害"), ("PTSDだ", "PTSD"), ("アルコール依存症だ", "アルコール依存症"),
    ("ギャンブル依存症だ", "ギャンブル依存症"), ("摂食障害だ", "摂食障害"), ("更年期障害がつらい", "更年期障害"),
    ("甲状腺機能低下症だ", "甲状腺機能低下症"), ("痛風だ", "痛風"), ("緑内障だ", "緑内障"), ("心臓弁膜症だ", "心臓弁膜症"),
    ("ALSだ", "ALS"), ("慢性疲労症候群だ", "慢性疲労症候群"), ("起立性調節障害だ", "起立性調節障害"), ("自律神経失調症だ", "自律神経失調症"),
    # 薬
    ("ロキソニンを毎日飲んでいる", "ロキソニン"), ("ジェイゾロフトを飲んでいる", "ジェイゾロフト"), ("レクサプロを飲んでいる", "レクサプロ"),
    ("パキシルを飲んでいる", "パキシル"), ("サインバルタを飲んでいる", "サインバルタ"), ("デパスを飲んでいる", "デパス"),
    ("ソラナックスを飲んでいる", "ソラナックス"), ("マイスリーを飲んでいる", "マイスリー"), ("ベルソムラを飲んでいる", "ベルソムラ"),
    ("エビリファイを飲んでいる", "エビリファイ"), ("ジプレキサを飲んでいる", "ジプレキサ"), ("リーマスを飲んでいる", "リーマス"),
    ("デパケンを飲んでいる", "デパケン"), ("イーケプラを飲んでいる", "イーケプラ"), ("コンサータを飲んでいる", "コンサータ"),
    ("ストラテラを飲んでいる", "ストラテラ"), ("リリカを飲んでいる", "リリカ"), ("トラマールを飲んでいる", "トラマール"),
    ("プレドニンを飲んでいる", "プレドニン"), ("リウマトレックスを飲んでいる", "リウマトレックス"), ("ヒュミラを打っている", "ヒュミラ"),
    ("メトホルミンを飲んでいる", "メトホルミン"), ("ジャヌビアを飲んでいる", "ジャヌビア"), ("オゼンピックを打っている", "オゼンピック"),
    ("マンジャロを打っている", "マンジャロ"), ("インスリンを打っている", "インスリン"), ("アムロジピンを飲んでいる", "アムロジピン"),
    ("ワーファリンを飲んでいる", "ワーファリン"), ("エリキュースを飲んでいる", "エリキュース"), ("チラーヂンを飲んでいる", "チラーヂン"),
    ("リピトールを飲んでいる", "リピトール"), ("フェブリクを飲んでいる", "フェブリク"), ("ツルバダを飲んでいる", "ツルバダ"),
    ("デシコビを飲んでいる", "デシコビ"), ("ビクタルビを飲んでいる", "ビクタルビ"), ("低用量ピルを飲んでいる", "低用量ピル"),
    ("ヤーズを飲んでいる", "ヤーズ"), ("アフターピルを飲んだ", "アフターピル"), ("バイアグラを使っている", "バイアグラ"),
    ("プロペシアを飲んでいる", "プロペシア"), ("デュピクセントを打っている", "デュピクセント"), ("レルベアを吸入している", "レルベア"),
    ("メイラックスを飲んでいる", "メイラックス"), ("リボトリールを飲んでいる", "リボトリール"), ("ルネスタを飲んでいる", "ルネスタ"),
    ("セルトラリンを飲んでいる", "セルトラリン"), ("タミフルを飲んでいる", "タミフル"), ("ノルレボを処方された", "ノルレボ"),
    # 治療・処置
    ("抗がん剤治療を受けている", "抗がん剤治療"), ("人工透析を受けている", "人工透析"), ("体外受精をしている", "体外受精"),
    ("顕微授精に挑戦している", "顕微授精"), ("不妊治療中だ", "不妊治療"), ("リハビリに通っている", "リハビリ"),
    ("カウンセリングを受けている", "カウンセリング"), ("認知行動療法を受けている", "認知行動療法"), ("放射線治療を受けている", "放射線治療"),
    ("子宮全摘をした", "子宮全摘"), ("乳房を切除した", "乳房切除"), ("人工関節の手術をした", "人工関節"),
    ("ペースメーカーを入れている", "ペースメーカー"), ("精神科デイケアに通っている", "精神科デイケア"), ("減薬中だ", "減薬"),
    ("ホルモン補充療法を受けている", "ホルモン補充療法"), ("人工妊娠中絶をした", "人工妊娠中絶"), ("胃ろうを造設した", "胃ろう"),
    # 健康・労務の手続
    ("診断書を出して休んでいる", "診断書"), ("産業医面談を受けた", "産業医面談"), ("休職中だ", "休職"), ("復職面談を控えている", "復職面談"),
    ("傷病手当金をもらっている", "傷病手当金"), ("障害者手帳を持っている", "障害者手帳"), ("障害年金を受給している", "障害年金"),
    ("精神障害者保健福祉手帳を取った", "精神障害者保健福祉手帳"), ("医療保護入院になった", "医療保護入院"), ("措置入院になった", "措置入院"),
    ("要介護2の認定を受けた", "要介護認定"), ("健康診断で要精密検査になった", "要精密検査"), ("ストレスチェックで高ストレス者になった", "ストレスチェック"),
    ("自立支援医療を使っている", "自立支援医療"), ("時短勤務で通院している", "通院のための時短勤務"),
]

# --- religion -----------------------------------------------------------------------------------------------------
# GDPR Art. 9 "religious or philosophical beliefs"; APPI 信条. World religions, denominations, new religious movements,
# rites (baptism, confirmation, bar mitzvah, hajj), observances and lay and clerical roles.
TERMS["religion", "en"] = [
    ("is a Muslim", "Islam"), ("is Catholic", "Catholicism"), ("is a Jehovah's Witness", "Jehovah's Witnesses"),
    ("is a Mormon", "Mormonism"), ("is Sikh", "Sikhism"), ("is Hindu", "Hinduism"), ("is a Buddhist", "Buddhism"),
    ("is Jewish", "Judaism"), ("is an evangelical Christian", "evangelical Christianity"), ("is Greek Orthodox", "Greek Orthodoxy"),
    ("is a Quaker", "Quakerism"), ("is a Seventh-day Adventist", "Seventh-day Adventism"), ("is a Baptist", "the Baptist church"),
    ("is Pentecostal", "Pentecostalism"), ("is Anglican", "Anglicanism"), ("is a Methodist", "Methodism"),
    ("is a Shia Muslim", "Shia Islam"), ("is Sunni", "Sunni Islam"), ("is Ahmadi", "the Ahmadiyya movement"),
    ("is an Orthodox Jew", "Orthodox Judaism"), ("is Hasidic", "Hasidism"), ("is Zoroastrian", "Zoroastrianism"), ("is Jain", "Jainism"),
    ("is Baha'i", "the Baha'i faith"), ("is a Rastafarian", "Rastafari"), ("is a pagan", "paganism"), ("is Wiccan", "Wicca"),
    ("is a Scientologist", "Scientology"), ("is an atheist", "atheism"), ("is agnostic", "agnosticism"),
    ("is a Christian Scientist", "Christian Science"), ("is Amish", "the Amish"), ("is Mennonite", "Mennonites"),
    ("is Coptic", "the Coptic church"), ("is a born-again Christian", "being born again"), ("is a Unitarian", "Unitarianism"),
    ("is a Lutheran", "Lutheranism"), ("is Presbyterian", "Presbyterianism"), ("is a Druid", "Druidry"), ("is Taoist", "Taoism"),
    # rites, observances, practices
    ("was baptised last Easter", "baptism"), ("is being confirmed in May", "confirmation"), ("is having his bar mitzvah", "bar mitzvah"),
    ("is going on hajj", "hajj"), ("is fasting for Ramadan", "Ramadan fasting"), ("goes to mass every Sunday", "Sunday mass"),
    ("converted to Islam", "conversion to Islam"), ("left the Church last year", "leaving the Church"),
    ("attends the Kingdom Hall", "the Kingdom Hall"), ("wears a hijab", "the hijab"), ("wears a kippah", "the kippah"),
    ("keeps kosher", "kosher food"), ("only eats halal", "halal food"), ("observes Shabbat", "Shabbat"),
    ("prays five times a day", "daily prayer in Islam"), ("goes to gurdwara on Sundays", "the gurdwara"),
    ("does puja every morning", "puja"), ("goes to confession", "confession"), ("gives up meat for Lent", "Lent"),
    ("celebrates Diwali at the temple", "Diwali"), ("goes to Friday prayers", "Friday prayers"),
    # roles
    ("is an elder at his church", "church elders"), ("is a deacon", "deacons"), ("is a lay preacher", "lay preachers"),
    ("is a churchwarden", "churchwardens"), ("is a Sunday school teacher", "Sunday school"), ("is an ordained priest", "the priesthood"),
    ("is training to be a rabbi", "rabbinical training"), ("is a nun", "religious sisters"), ("is a Mormon missionary", "Mormon missions"),
    ("is a bishop in the LDS church", "LDS bishops"), ("is a Church of England vicar", "Church of England vicars"),
    ("is a member of the Church of Scotland", "the Church of Scotland"), ("is a Soka Gakkai member", "Soka Gakkai"),
]
TERMS["religion", "ja"] = [
    ("創価学会の会員だ", "創価学会"), ("エホバの証人だ", "エホバの証人"), ("天理教の信者だ", "天理教"), ("立正佼成会の会員だ", "立正佼成会"),
    ("幸福の科学の信者だ", "幸福の科学"), ("統一教会の信者だ", "統一教会"), ("真如苑に入っている", "真如苑"), ("霊友会の会員だ", "霊友会"),
    ("PL教団の信者だ", "PL教団"), ("生長の家の信者だ", "生長の家"), ("金光教の信者だ", "金光教"), ("大本の信者だ", "大本"),
    ("崇教真光の信者だ", "崇教真光"), ("世界救世教の信者だ", "世界救世教"), ("浄土真宗の門徒だ", "浄土真宗"), ("曹洞宗の檀家だ", "曹洞宗"),
    ("日蓮宗の信徒だ", "日蓮宗"), ("クリスチャンだ", "キリスト教"), ("カトリック信者だ", "カトリック"), ("プロテスタントだ", "プロテスタント"),
    ("正教会の信徒だ", "正教会"), ("ムスリムだ", "イスラム教"), ("イスラム教徒だ", "イスラム教徒"), ("ユダヤ教徒だ", "ユダヤ教"),
    ("ヒンドゥー教徒だ", "ヒンドゥー教"), ("熱心な仏教徒だ", "仏教"), ("モルモン教徒だ", "モルモン教"), ("無神論者だ", "無神論"),
    ("新興宗教にハマっている", "新興宗教"), ("シーク教徒だ", "シーク教"), ("真言宗の檀家だ", "真言宗"), ("浄土宗の檀家だ", "浄土宗"),
    ("臨済宗の寺の檀家だ", "臨済宗"), ("天台宗の寺で得度した", "天台宗"), ("顕正会に入っている", "顕正会"), ("阿含宗の信者だ", "阿含宗"),
    ("GLAの会員だ", "GLA"), ("ものみの塔の集会に通っている", "ものみの塔"), ("神社の氏子総代だ", "氏子総代"), ("檀家総代を務めている", "檀家総代"),
    # rites and practices
    ("洗礼を受けた", "洗礼"), ("堅信礼を受けた", "堅信礼"), ("入信した", "入信"), ("改宗した", "改宗"), ("毎週礼拝に通っている", "礼拝"),
    ("日曜はミサに行く", "ミサ"), ("ラマダンで断食中だ", "ラマダンの断食"), ("メッカ巡礼に行った", "メッカ巡礼"), ("毎朝お題目を唱えている", "お題目"),
    ("毎晩勤行をしている", "勤行"), ("伝道活動をしている", "伝道活動"), ("布教活動をしている", "布教"), ("教会に十分の一献金をしている", "十分の一献金"),
    ("毎日聖書を読んでいる", "聖書"), ("お祈りのために席を外す", "イスラム教の礼拝"), ("ヒジャブを着けている", "ヒジャブ"),
    ("ハラールしか食べない", "ハラール"), ("安息日は働けない", "安息日"),
    # roles
    ("教会の長老だ", "教会の長老"), ("教会の執事をしている", "教会の執事"), ("牧師をしている", "牧師"), ("寺の住職だ", "住職"),
    ("出家した", "出家"), ("修道女だ", "修道女"), ("神職だ", "神職"), ("学会の地区部長だ", "学会の地区部長"),
]

# --- criminal records ---------------------------------------------------------------------------------------------
# GDPR Art. 10 (criminal convictions and offences); APPI 犯罪の経歴, 犯罪により害を被った事実, 刑事事件の手続
# (逮捕・捜索・差押え・勾留・公訴提起), 少年の保護事件; the stages of a case in England and Wales (PACE, the Rehabilitation
# of Offenders Act 1974, DBS disclosure) and the US
TERMS["criminal_record", "en"] = [
    ("was arrested last week", "arrest"), ("was charged with assault", "assault charges"), ("accepted a police caution", "police cautions"),
    ("is out on bail", "bail"), ("was remanded in custody", "remand"), ("was convicted of fraud", "fraud convictions"),
    ("got a suspended sentence", "suspended sentences"), ("is on probation", "probation"), ("is out on parole", "parole"),
    ("is doing a community order", "community orders"), ("is tagged", "electronic tagging"), ("wears an electronic tag", "electronic tags"),
    ("is on the sex offenders register", "the sex offenders register"), ("had a hit on his DBS check", "DBS checks"),
    ("has a spent conviction", "spent convictions"), ("has a criminal record", "criminal records"), ("served time", "prison time"),
    ("pleaded guilty to drink driving", "drink driving"), ("was fined by the magistrates", "magistrates' fines"),
    ("is under police investigation", "police investigations"), ("was released on licence", "release on licence"),
    ("has a youth caution", "youth cautions"), ("got a conditional discharge", "conditional discharges"),
    ("has a criminal behaviour order", "criminal behaviour orders"), ("is awaiting trial", "trials"), ("was acquitted", "acquittals"),
    ("was interviewed under caution", "interviews under caution"), ("has a juvenile record", "juvenile records"),
    ("was in a young offender institution", "young offender institutions"), ("was bailed pending investigation", "pre-charge bail"),
    ("was sentenced to 18 months", "sentencing"), ("is in prison", "prison"), ("was deported after a conviction", "deportation of offenders"),
    ("has a warrant out for his arrest", "arrest warrants"), ("did community service", "community service"),
    ("was given an unpaid work order", "unpaid work orders"), ("has a felony on his record", "felonies"),
    ("has a misdemeanor conviction", "misdemeanors"), ("took a plea deal", "plea deals"), ("had his record expunged", "expungement"),
    ("was indicted", "indictments"), ("is on house arrest", "house arrest"), ("was booked into county jail", "county jail"),
    ("got a DUI", "DUI"), ("has a restraining order against him", "restraining orders"), ("was convicted of a hate crime", "hate crimes"),
    ("was cautioned for possession", "possession offences"), ("was banned from driving", "driving bans"),
    ("was found guilty at crown court", "crown court trials"), ("has an unspent conviction", "unspent convictions"),
    ("was on remand at HMP Pentonville", "HMP Pentonville"),
    # a crime suffered (APPI 犯罪により害を被った事実)
    ("was the victim of a sexual assault", "sexual assault"), ("is a victim of domestic abuse", "domestic abuse"),
    ("was stalked by an ex", "stalking"), ("was raped at university", "rape"),
]
TERMS["criminal_record", "ja"] = [
    ("逮捕された", "逮捕"), ("送検された", "送検"), ("書類送検された", "書類送検"), ("起訴された", "起訴"), ("略式起訴された", "略式起訴"),
    ("罰金刑を受けた", "罰金刑"), ("執行猶予中だ", "執行猶予"), ("実刑判決を受けた", "実刑判決"), ("服役していた", "服役"),
    ("仮釈放中だ", "仮釈放"), ("前科がある", "前科"), ("前歴がある", "前歴"), ("保護観察中だ", "保護観察"), ("少年院にいた", "少年院"),
    ("補導された", "補導"), ("被害届を出された", "被害届"), ("家宅捜索を受けた", "家宅捜索"), ("勾留されている", "勾留"),
    ("警察の取り調べを受けた", "取り調べ"), ("任意同行を求められた", "任意同行"), ("在宅起訴された", "在宅起訴"), ("公判中だ", "公判"),
    ("有罪判決を受けた", "有罪判決"), ("懲役2年の判決を受けた", "懲役刑"), ("赤切符を切られた", "赤切符"), ("不起訴処分になった", "不起訴処分"),
    ("刑務所から出所した", "出所"), ("家庭裁判所で審判を受けた", "少年審判"), ("保護処分を受けた", "保護処分"), ("指名手配されている", "指名手配"),
    ("起訴猶予になった", "起訴猶予"), ("略式命令で罰金を払った", "略式命令"), ("保釈中だ", "保釈"), ("留置場にいた", "留置場"),
    ("児童自立支援施設にいた", "児童自立支援施設"), ("少年鑑別所に入った", "少年鑑別所"), ("差し押さえを受けた（捜査で）", "捜査上の差押え"),
    ("現行犯で捕まった", "現行犯逮捕"), ("刑事告訴された", "刑事告訴"), ("禁錮刑を受けた", "禁錮刑"), ("示談で済ませた", "示談"),
    ("性犯罪で捕まったことがある", "性犯罪"), ("交通事故で過失運転致傷に問われた", "過失運転致傷"), ("窃盗で捕まった", "窃盗"),
    # 犯罪により害を被った事実
    ("性被害に遭った", "性被害"), ("ストーカー被害を受けている", "ストーカー被害"), ("DV被害に遭っている", "DV被害"),
    ("詐欺の被害に遭った", "詐欺被害"), ("被害届を出した", "被害届の提出"),
]

# --- trade-union membership ---------------------------------------------------------------------------------------
# GDPR Art. 9 "trade union membership" (APPI has no union item; the project treats it as in Art. 9): offices held,
# industrial action, and the federations and unions by name (TUC, AFL-CIO, Change to Win; 連合, 全労連, 全労協)
TERMS["union_membership", "en"] = [
    ("is a union member", "union membership"), ("is the Unite shop steward", "shop stewards"), ("is our UNISON rep", "UNISON"),
    ("is branch chair of the GMB", "GMB"), ("is the union branch secretary", "union branch secretaries"),
    ("sits on the union's executive committee", "union executive committees"), ("voted yes in the strike ballot", "strike ballots"),
    ("was on the picket line", "picket lines"), ("is a union health and safety rep", "union health and safety reps"),
    ("is a Teamsters member", "the Teamsters"), ("is in the UAW", "the UAW"), ("is an SEIU member", "SEIU"), ("is an RCN member", "the RCN"),
    ("is in the NEU", "the NEU"), ("is a BMA member", "the BMA"), ("pays into the RMT", "the RMT"), ("is a CWU rep", "the CWU"),
    ("is in PCS", "PCS"), ("is an Usdaw member", "Usdaw"), ("is in the UCU", "the UCU"), ("is an Equity member", "Equity, the actors' union"),
    ("is in the Musicians' Union", "the Musicians' Union"), ("is in the NASUWT", "the NASUWT"), ("joined the IWW", "the IWW"),
    ("is a union organizer", "union organizing"), ("is the union convenor", "union convenors"), ("is a union learning rep", "union learning reps"),
    ("is on the bargaining committee", "bargaining committees"), ("is a delegate to the TUC congress", "the TUC"),
    ("was elected chief steward", "chief stewards"), ("went on strike last month", "strikes"), ("is a member of Prospect", "Prospect"),
    ("is in the FBU", "the FBU"), ("is a member of the POA", "the POA"), ("is in the EIS", "the EIS"), ("is in the NAHT", "the NAHT"),
    ("is an IWGB member", "the IWGB"), ("is in ver.di", "ver.di"), ("is in IG Metall", "IG Metall"), ("is an AFT member", "the AFT"),
    ("is in the NEA", "the NEA"), ("is an IBEW member", "the IBEW"), ("is in the CWA", "the CWA"), ("is in the ILWU", "the ILWU"),
    ("is a SAG-AFTRA member", "SAG-AFTRA"), ("is a union rep", "union reps"), ("is president of Local 32", "union locals"),
    ("signed a union card", "union cards"), ("is in the Royal College of Nursing", "the Royal College of Nursing"),
    ("is the Unite branch treasurer", "union branch treasurers"), ("is a member of the Communication Workers Union", "the Communication Workers Union"),
    ("stood for the union's national executive", "union national executives"),
]
TERMS["union_membership", "ja"] = [
    ("組合員だ", "組合員"), ("労働組合に入っている", "労働組合"), ("組合の執行委員をしている", "執行委員"), ("組合の支部長だ", "組合の支部長"),
    ("組合の書記長だ", "書記長"), ("分会長をしている", "分会長"), ("組合の職場委員だ", "職場委員"), ("組合の青年部長だ", "青年部長"),
    ("連合の役員だ", "連合"), ("全労連の活動をしている", "全労連"), ("日本医労連の組合員だ", "日本医労連"), ("自治労の組合員だ", "自治労"),
    ("日教組に入っている", "日教組"), ("全教の組合員だ", "全教"), ("UAゼンセンの組合員だ", "UAゼンセン"), ("JAMの組合に入っている", "JAM"),
    ("基幹労連の役員だ", "基幹労連"), ("電機連合の組合員だ", "電機連合"), ("自動車総連の組合員だ", "自動車総連"), ("情報労連の組合員だ", "情報労連"),
    ("JP労組の組合員だ", "JP労組"), ("私鉄総連の組合員だ", "私鉄総連"), ("国労の組合員だ", "国労"), ("JR総連の組合員だ", "JR総連"),
    ("全日本海員組合に入っている", "全日本海員組合"), ("建交労の組合員だ", "建交労"), ("首都圏青年ユニオンに加入した", "首都圏青年ユニオン"),
    ("地域ユニオンに加入した", "地域ユニオン"), ("管理職ユニオンに入った", "管理職ユニオン"), ("ストライキに参加した", "ストライキ"),
    ("団体交渉に出席した", "団体交渉"), ("スト権投票で賛成した", "スト権投票"), ("組合費を払っている", "組合費"), ("組合の専従だ", "組合専従"),
    ("中央執行委員長だ", "中央執行委員長"), ("労組の委員長だ", "労組の委員長"), ("全労協の組合員だ", "全労協"), ("春闘で交渉委員をした", "春闘"),
    ("組合の副委員長だ", "組合の副委員長"), ("組合の会計をしている", "組合の会計"), ("ユニオンに相談して加入した", "ユニオン"),
    ("全国一般の組合員だ", "全国一般"), ("フード連合の組合員だ", "フード連合"), ("損保労連の組合員だ", "損保労連"), ("電力総連の組合員だ", "電力総連"),
]

# --- sexual orientation and gender identity -----------------------------------------------------------------------
# GDPR Art. 9 "sex life or sexual orientation"; gender identity with it (as the project does, and ICD-11 / Yogyakarta
# Principles vocabulary); Japan's パートナーシップ制度 (自治体の宣誓・証明制度)
TERMS["sexual_orientation", "en"] = [
    ("is gay", "being gay"), ("is a lesbian", "lesbian identity"), ("is bi", "bisexuality"), ("is bisexual", "bisexuality"),
    ("is pansexual", "pansexuality"), ("is asexual", "asexuality"), ("is queer", "queer identity"), ("is trans", "being trans"),
    ("is a trans woman", "trans women"), ("is a trans man", "trans men"), ("is non-binary", "non-binary identities"),
    ("came out last year", "coming out"), ("came out as gay", "coming out as gay"), ("has a same-sex partner", "same-sex partners"),
    ("and his husband are adopting", "same-sex adoption"), ("lives with his boyfriend", "gay relationships"),
    ("lives with her girlfriend", "lesbian relationships"), ("has two dads", "children of gay parents"), ("has two mums", "children of lesbian parents"),
    ("is in a civil partnership with another woman", "civil partnerships"), ("is in a same-sex relationship", "same-sex relationships"),
    ("is transitioning", "gender transition"), ("had top surgery", "top surgery"), ("got a Gender Recognition Certificate", "Gender Recognition Certificates"),
    ("uses they/them pronouns", "they/them pronouns"), ("is genderfluid", "gender fluidity"), ("is intersex", "intersex variations"),
    ("is demisexual", "demisexuality"), ("is aromantic", "aromanticism"), ("is two-spirit", "two-spirit identity"),
    ("is a man who has sex with men", "MSM"), ("is gay and not out at work", "being out at work"),
    ("is on hormones for his transition", "hormone therapy for transition"), ("married his husband in June", "same-sex marriage"),
    ("married her wife last spring", "same-sex marriage"), ("has a boyfriend and he's a man too", "gay dating"),
    ("is in a polyamorous relationship", "polyamory"), ("is a drag king and non-binary", "drag"), ("is questioning his sexuality", "questioning"),
    ("goes to Pride with his boyfriend", "Pride"), ("changed her legal gender", "legal gender recognition"),
    ("is on the waiting list for a gender identity clinic", "gender identity clinics"),
]
TERMS["sexual_orientation", "ja"] = [
    ("ゲイだ", "ゲイ"), ("レズビアンだ", "レズビアン"), ("バイセクシュアルだ", "バイセクシュアル"), ("バイだ", "バイセクシュアルの人"),
    ("パンセクシュアルだ", "パンセクシュアル"), ("アセクシュアルだ", "アセクシュアル"), ("Aセクだ", "Aセクシュアル"),
    ("トランスジェンダーだ", "トランスジェンダー"), ("トランス女性だ", "トランス女性"), ("ノンバイナリーだ", "ノンバイナリー"),
    ("Xジェンダーだ", "Xジェンダー"), ("職場でカミングアウトした", "カミングアウト"), ("同性パートナーがいる", "同性パートナー"),
    ("海外で同性婚をした", "同性婚"), ("パートナーシップ制度に登録した", "パートナーシップ制度"), ("パートナーシップ宣誓をした", "パートナーシップ宣誓"),
    ("同性のパートナーと暮らしている", "同性のパートナー"), ("同性の恋人がいる", "同性の恋人"), ("性別適合手術を受けた", "性別適合手術"),
    ("戸籍の性別を変更した", "戸籍の性別変更"), ("ホルモン療法で性別移行中だ", "性別移行"), ("性同一性障害の診断を受けた", "性同一性障害"),
    ("LGBTQの当事者だ", "LGBTQ"), ("性的少数者だ", "性的少数者"), ("同性パートナーシップ証明書を取った", "同性パートナーシップ"),
    ("彼氏と同棲している男性だ", "男性同士のカップル"), ("クエスチョニングだ", "クエスチョニング"), ("Xジェンダーを公表した", "公表"),
    ("同性愛者だ", "同性愛"), ("トランス男性だ", "トランス男性"), ("男性のパートナーと養子を迎えた男性だ", "同性カップルの養子縁組"),
    ("ジェンダークリニックに通っている", "ジェンダークリニック"), ("オープンリーゲイだ", "オープンリーゲイ"), ("ゲイであることを家族に話した", "家族へのカミングアウト"),
]

# --- templates ----------------------------------------------------------------------------------------------------
PERSON_EN = [
    "Daniel Okafor {p}. Please draft a short note to the team about cover for next week.",
    "My colleague {p}; can you help me word an email to HR about it?",
    "Our client Mr Hale {p}. Summarise this for the file.",
    'Reply to this message from Sam: "Hey, just so you know, my brother {p}. Please keep it between us."',
]
TOPIC_EN = [
    "What is {t}?",
    "Write a short explainer on {t} for our staff newsletter.",
    "Our policy sets out how information about {t} is handled.",
    "I'm preparing a presentation on {t}; give me five key facts.",
]
PERSON_JA = [
    "田中さんは{p}そうです。シフト調整のお知らせ文を作ってください。",
    "部下の佐藤が{p}と本人から聞きました。上司として配慮すべきことをまとめて。",
    "お客様の山本様は{p}とのことです。申し送りメモにまとめてください。",
    "同僚の鈴木さんからLINEで「実は{p}よ。まだ誰にも言ってない」と来た。返事を考えて。",
]
TOPIC_JA = [
    "{t}とは何ですか？",
    "{t}について、社内報向けの解説記事を書いて。",
    "当社の規程では、{t}に関する情報の取扱いを定めている。",
    "{t}についてのプレゼン資料を作っています。要点を5つ挙げて。",
]


def cases() -> list[dict]:
    out = []
    for (cat, lang), terms in TERMS.items():
        persons, topics = (PERSON_EN, TOPIC_EN) if lang == "en" else (PERSON_JA, TOPIC_JA)
        for p, t in terms:
            out += [{"cat": cat, "lang": lang, "type": "person", "term": p, "text": tpl.format(p=p)} for tpl in persons]
            out += [{"cat": cat, "lang": lang, "type": "topic", "term": t, "text": tpl.format(t=t)} for tpl in topics]
    return out


def main() -> None:
    show_misses = "--misses" in sys.argv
    show_fp = "--fp" in sys.argv
    agg: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # n, rules hit, shipped hit, (topic: any / any)
    misses, fps = [], []
    for c in cases():
        rules = privacy.categories(privacy.scan(c["text"]))
        shipped = privacy.categories(privacy.scan(c["text"], learned=True))
        a = agg[c["cat"], c["lang"], c["type"]]
        a[0] += 1
        if c["type"] == "person":
            a[1] += c["cat"] in rules
            a[2] += c["cat"] in shipped
            if c["cat"] not in rules:
                misses.append((c["cat"], c["lang"], c["text"], rules))
        else:
            a[1] += bool(rules)
            a[2] += bool(shipped)
            if rules or shipped:
                fps.append((c["cat"], c["lang"], c["text"], rules, shipped))
    rows = []
    for (cat, lang, typ), (n, r, s, *_rest) in sorted(agg.items()):
        rows.append({"cat": cat, "lang": lang, "type": typ, "n": n, "rules": r, "shipped": s,
                     "rules_share": round(r / n, 3), "shipped_share": round(s / n, 3)})
        print(json.dumps(rows[-1], ensure_ascii=False))
    for typ in ("person", "topic"):
        n = sum(x["n"] for x in rows if x["type"] == typ)
        r = sum(x["rules"] for x in rows if x["type"] == typ)
        s = sum(x["shipped"] for x in rows if x["type"] == typ)
        print(json.dumps({"total": typ, "n": n, "rules": r, "shipped": s}))
    if show_misses:
        for m in misses:
            print("MISS", json.dumps(m, ensure_ascii=False))
    if show_fp:
        for f in fps:
            print("FP", json.dumps(f, ensure_ascii=False))


if __name__ == "__main__":
    main()
