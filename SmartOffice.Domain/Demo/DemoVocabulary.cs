namespace SmartOffice.Domain.Demo;

/// <summary>A word with its reading (フリガナ) and romaji, kept together so a generated name's reading always matches.</summary>
internal readonly record struct Word(string Kanji, string Kana, string Romaji);

/// <summary>A city: its prefecture, the first digits of its postal codes and its telephone area code.</summary>
internal sealed record City(string Prefecture, string Name, string ShortName, string PostalPrefix, string AreaCode);

/// <summary>The places of one delivery region (by its stable code) and the local words companies there use.</summary>
internal sealed record RegionPlaces(string Code, double CustomerWeight, IReadOnlyList<City> Cities, IReadOnlyList<Word> LocalWords);

/// <summary>Japanese names, places and words the demo data is built from.</summary>
internal static class DemoVocabulary
{
    public static readonly IReadOnlyList<Word> Surnames =
    [
        new("佐藤", "サトウ", "sato"), new("鈴木", "スズキ", "suzuki"), new("高橋", "タカハシ", "takahashi"),
        new("田中", "タナカ", "tanaka"), new("伊藤", "イトウ", "ito"), new("渡辺", "ワタナベ", "watanabe"),
        new("山本", "ヤマモト", "yamamoto"), new("中村", "ナカムラ", "nakamura"), new("小林", "コバヤシ", "kobayashi"),
        new("加藤", "カトウ", "kato"), new("吉田", "ヨシダ", "yoshida"), new("山田", "ヤマダ", "yamada"),
        new("佐々木", "ササキ", "sasaki"), new("山口", "ヤマグチ", "yamaguchi"), new("松本", "マツモト", "matsumoto"),
        new("井上", "イノウエ", "inoue"), new("木村", "キムラ", "kimura"), new("林", "ハヤシ", "hayashi"),
        new("斎藤", "サイトウ", "saito"), new("清水", "シミズ", "shimizu"), new("山崎", "ヤマザキ", "yamazaki"),
        new("森", "モリ", "mori"), new("池田", "イケダ", "ikeda"), new("橋本", "ハシモト", "hashimoto"),
        new("阿部", "アベ", "abe"), new("石川", "イシカワ", "ishikawa"), new("山下", "ヤマシタ", "yamashita"),
        new("中島", "ナカジマ", "nakajima"), new("石井", "イシイ", "ishii"), new("小川", "オガワ", "ogawa"),
        new("前田", "マエダ", "maeda"), new("岡田", "オカダ", "okada"), new("長谷川", "ハセガワ", "hasegawa"),
        new("藤田", "フジタ", "fujita"), new("後藤", "ゴトウ", "goto"), new("近藤", "コンドウ", "kondo"),
        new("村上", "ムラカミ", "murakami"), new("遠藤", "エンドウ", "endo"), new("青木", "アオキ", "aoki"),
        new("坂本", "サカモト", "sakamoto"), new("福田", "フクダ", "fukuda"), new("太田", "オオタ", "ota"),
        new("西村", "ニシムラ", "nishimura"), new("藤井", "フジイ", "fujii"), new("金子", "カネコ", "kaneko"),
        new("岡本", "オカモト", "okamoto"), new("藤原", "フジワラ", "fujiwara"), new("中野", "ナカノ", "nakano"),
        new("三浦", "ミウラ", "miura"), new("原田", "ハラダ", "harada"), new("松田", "マツダ", "matsuda"),
        new("竹内", "タケウチ", "takeuchi"), new("上田", "ウエダ", "ueda"), new("小野", "オノ", "ono"),
        new("田村", "タムラ", "tamura"), new("中山", "ナカヤマ", "nakayama"), new("和田", "ワダ", "wada"),
        new("石田", "イシダ", "ishida"), new("森田", "モリタ", "morita"), new("比嘉", "ヒガ", "higa"),
        new("金城", "キンジョウ", "kinjo"), new("菊池", "キクチ", "kikuchi"), new("桜井", "サクライ", "sakurai"),
    ];

    public static readonly IReadOnlyList<Word> GivenNames =
    [
        new("太郎", "タロウ", "taro"), new("一郎", "イチロウ", "ichiro"), new("健太", "ケンタ", "kenta"),
        new("翔太", "ショウタ", "shota"), new("大輔", "ダイスケ", "daisuke"), new("拓也", "タクヤ", "takuya"),
        new("直樹", "ナオキ", "naoki"), new("浩", "ヒロシ", "hiroshi"), new("誠", "マコト", "makoto"),
        new("隆", "タカシ", "takashi"), new("健一", "ケンイチ", "kenichi"), new("和也", "カズヤ", "kazuya"),
        new("亮", "リョウ", "ryo"), new("達也", "タツヤ", "tatsuya"), new("修", "オサム", "osamu"),
        new("聡", "サトシ", "satoshi"), new("陽介", "ヨウスケ", "yosuke"), new("大樹", "ダイキ", "daiki"),
        new("悠斗", "ユウト", "yuto"), new("正人", "マサト", "masato"), new("康弘", "ヤスヒロ", "yasuhiro"),
        new("博之", "ヒロユキ", "hiroyuki"), new("美咲", "ミサキ", "misaki"), new("直子", "ナオコ", "naoko"),
        new("真理", "マリ", "mari"), new("陽子", "ヨウコ", "yoko"), new("恵子", "ケイコ", "keiko"),
        new("裕子", "ユウコ", "yuko"), new("明美", "アケミ", "akemi"), new("由美", "ユミ", "yumi"),
        new("久美子", "クミコ", "kumiko"), new("愛", "アイ", "ai"), new("彩", "アヤ", "aya"),
        new("麻衣", "マイ", "mai"), new("千尋", "チヒロ", "chihiro"), new("香織", "カオリ", "kaori"),
        new("智子", "トモコ", "tomoko"), new("沙織", "サオリ", "saori"), new("結衣", "ユイ", "yui"),
        new("葵", "アオイ", "aoi"), new("真由美", "マユミ", "mayumi"), new("理恵", "リエ", "rie"),
        new("奈々", "ナナ", "nana"), new("さくら", "サクラ", "sakura"),
    ];

    /// <summary>The first half of a company name (屋号).</summary>
    public static readonly IReadOnlyList<Word> CompanyPrefixes =
    [
        new("青葉", "アオバ", "aoba"), new("東洋", "トウヨウ", "toyo"), new("大和", "ヤマト", "yamato"),
        new("日之出", "ヒノデ", "hinode"), new("富士", "フジ", "fuji"), new("朝日", "アサヒ", "asahi"),
        new("北斗", "ホクト", "hokuto"), new("三協", "サンキョウ", "sankyo"), new("中央", "チュウオウ", "chuo"),
        new("千代田", "チヨダ", "chiyoda"), new("丸山", "マルヤマ", "maruyama"), new("協和", "キョウワ", "kyowa"),
        new("昭和", "ショウワ", "showa"), new("平和", "ヘイワ", "heiwa"), new("太陽", "タイヨウ", "taiyo"),
        new("新栄", "シンエイ", "shinei"), new("大成", "タイセイ", "taisei"), new("明和", "メイワ", "meiwa"),
        new("共栄", "キョウエイ", "kyoei"), new("東邦", "トウホウ", "toho"), new("日進", "ニッシン", "nisshin"),
        new("若葉", "ワカバ", "wakaba"), new("双葉", "フタバ", "futaba"), new("白鳥", "シラトリ", "shiratori"),
        new("緑川", "ミドリカワ", "midorikawa"), new("三和", "サンワ", "sanwa"), new("大黒", "ダイコク", "daikoku"),
        new("光洋", "コウヨウ", "koyo"), new("旭", "アサヒ", "asahi"), new("桜", "サクラ", "sakura"),
        new("菱和", "リョウワ", "ryowa"), new("山一", "ヤマイチ", "yamaichi"), new("丸八", "マルハチ", "maruhachi"),
        new("東和", "トウワ", "towa"), new("第一", "ダイイチ", "daiichi"), new("栄光", "エイコウ", "eiko"),
        new("誠和", "セイワ", "seiwa"), new("高砂", "タカサゴ", "takasago"), new("千歳", "チトセ", "chitose"),
        new("常盤", "トキワ", "tokiwa"), new("瑞穂", "ミズホ", "mizuho"), new("秀和", "シュウワ", "shuwa"),
        new("宝", "タカラ", "takara"), new("山田", "ヤマダ", "yamada"), new("松本", "マツモト", "matsumoto"),
        new("小林", "コバヤシ", "kobayashi"), new("高木", "タカギ", "takagi"), new("石川", "イシカワ", "ishikawa"),
        new("藤田", "フジタ", "fujita"), new("竹内", "タケウチ", "takeuchi"), new("西村", "ニシムラ", "nishimura"),
        new("上田", "ウエダ", "ueda"), new("菊池", "キクチ", "kikuchi"), new("森", "モリ", "mori"),
    ];

    /// <summary>The line of business that ends a company name.</summary>
    public static readonly IReadOnlyList<Word> BusinessWords =
    [
        new("商事", "ショウジ", "shoji"), new("工業", "コウギョウ", "kogyo"), new("建設", "ケンセツ", "kensetsu"),
        new("製作所", "セイサクショ", "seisakusho"), new("物産", "ブッサン", "bussan"), new("電機", "デンキ", "denki"),
        new("運輸", "ウンユ", "unyu"), new("印刷", "インサツ", "insatsu"), new("設計", "セッケイ", "sekkei"),
        new("産業", "サンギョウ", "sangyo"), new("精機", "セイキ", "seiki"), new("化学", "カガク", "kagaku"),
        new("食品", "ショクヒン", "shokuhin"), new("不動産", "フドウサン", "fudosan"), new("技研", "ギケン", "giken"),
        new("興業", "コウギョウ", "kogyo"), new("工務店", "コウムテン", "komuten"), new("通信", "ツウシン", "tsushin"),
        new("電設", "デンセツ", "densetsu"), new("鉄工所", "テッコウショ", "tekkosho"), new("木材", "モクザイ", "mokuzai"),
        new("倉庫", "ソウコ", "soko"), new("観光", "カンコウ", "kanko"), new("企画", "キカク", "kikaku"),
        new("商会", "ショウカイ", "shokai"), new("製菓", "セイカ", "seika"), new("薬品", "ヤクヒン", "yakuhin"),
        new("測量", "ソクリョウ", "sokuryo"), new("自動車", "ジドウシャ", "jidosha"), new("交通", "コウツウ", "kotsu"),
        new("住設", "ジュウセツ", "jusetsu"), new("情報システム", "ジョウホウシステム", "johosystem"),
        new("水産", "スイサン", "suisan"), new("酒造", "シュゾウ", "shuzo"), new("紙器", "シキ", "shiki"),
        new("塗装", "トソウ", "toso"), new("電子", "デンシ", "denshi"), new("機械", "キカイ", "kikai"),
        new("開発", "カイハツ", "kaihatsu"), new("設備工業", "セツビコウギョウ", "setsubi"),
    ];

    /// <summary>Katakana company names: a brand and a suffix (株式会社ミライテック).</summary>
    public static readonly IReadOnlyList<Word> KatakanaBrands =
    [
        new("ミライ", "ミライ", "mirai"), new("サンライズ", "サンライズ", "sunrise"), new("グリーン", "グリーン", "green"),
        new("ネクスト", "ネクスト", "next"), new("スマイル", "スマイル", "smile"), new("エース", "エース", "ace"),
        new("フロンティア", "フロンティア", "frontier"), new("リンク", "リンク", "link"), new("アーク", "アーク", "arc"),
        new("ブライト", "ブライト", "bright"), new("コスモ", "コスモ", "cosmo"), new("アオバ", "アオバ", "aoba"),
    ];

    public static readonly IReadOnlyList<Word> KatakanaSuffixes =
    [
        new("システム", "システム", "system"), new("テック", "テック", "tech"), new("ワークス", "ワークス", "works"),
        new("デザイン", "デザイン", "design"), new("ソリューションズ", "ソリューションズ", "solutions"),
        new("クリエイト", "クリエイト", "create"), new("サービス", "サービス", "service"), new("ラボ", "ラボ", "lab"),
        new("パートナーズ", "パートナーズ", "partners"),
    ];

    public static readonly IReadOnlyList<RegionPlaces> Regions =
    [
        new("Honshu", 70,
        [
            new("東京都", "千代田区", "東京", "100", "03"), new("東京都", "中央区", "東京", "104", "03"),
            new("東京都", "港区", "東京", "105", "03"), new("東京都", "新宿区", "新宿", "160", "03"),
            new("東京都", "渋谷区", "渋谷", "150", "03"), new("東京都", "品川区", "品川", "141", "03"),
            new("東京都", "江東区", "江東", "135", "03"), new("東京都", "八王子市", "八王子", "192", "042"),
            new("神奈川県", "横浜市中区", "横浜", "231", "045"), new("神奈川県", "川崎市川崎区", "川崎", "210", "044"),
            new("埼玉県", "さいたま市大宮区", "大宮", "330", "048"), new("千葉県", "千葉市中央区", "千葉", "260", "043"),
            new("愛知県", "名古屋市中区", "名古屋", "460", "052"), new("大阪府", "大阪市北区", "大阪", "530", "06"),
            new("大阪府", "大阪市中央区", "大阪", "541", "06"), new("京都府", "京都市下京区", "京都", "600", "075"),
            new("兵庫県", "神戸市中央区", "神戸", "650", "078"), new("宮城県", "仙台市青葉区", "仙台", "980", "022"),
            new("広島県", "広島市中区", "広島", "730", "082"), new("静岡県", "静岡市葵区", "静岡", "420", "054"),
            new("新潟県", "新潟市中央区", "新潟", "950", "025"), new("岡山県", "岡山市北区", "岡山", "700", "086"),
            new("石川県", "金沢市", "金沢", "920", "076"), new("群馬県", "高崎市", "高崎", "370", "027"),
        ],
        [
            new("東京", "トウキョウ", "tokyo"), new("横浜", "ヨコハマ", "yokohama"), new("浪速", "ナニワ", "naniwa"),
            new("京都", "キョウト", "kyoto"), new("名古屋", "ナゴヤ", "nagoya"), new("武蔵野", "ムサシノ", "musashino"),
            new("湘南", "ショウナン", "shonan"), new("仙台", "センダイ", "sendai"), new("神戸", "コウベ", "kobe"),
        ]),
        new("Hokkaido", 7,
        [
            new("北海道", "札幌市中央区", "札幌", "060", "011"), new("北海道", "札幌市北区", "札幌北", "001", "011"),
            new("北海道", "旭川市", "旭川", "070", "0166"), new("北海道", "函館市", "函館", "040", "0138"),
            new("北海道", "帯広市", "帯広", "080", "0155"), new("北海道", "釧路市", "釧路", "085", "0154"),
        ],
        [
            new("北海", "ホッカイ", "hokkai"), new("道央", "ドウオウ", "doo"), new("札幌", "サッポロ", "sapporo"),
            new("十勝", "トカチ", "tokachi"), new("大雪", "タイセツ", "taisetsu"), new("石狩", "イシカリ", "ishikari"),
        ]),
        new("Shikoku", 5,
        [
            new("香川県", "高松市", "高松", "760", "087"), new("愛媛県", "松山市", "松山", "790", "089"),
            new("高知県", "高知市", "高知", "780", "088"), new("徳島県", "徳島市", "徳島", "770", "088"),
        ],
        [
            new("讃岐", "サヌキ", "sanuki"), new("阿波", "アワ", "awa"), new("伊予", "イヨ", "iyo"),
            new("土佐", "トサ", "tosa"), new("四国", "シコク", "shikoku"), new("瀬戸内", "セトウチ", "setouchi"),
        ]),
        new("Kyushu", 10,
        [
            new("福岡県", "福岡市博多区", "博多", "812", "092"), new("福岡県", "福岡市中央区", "福岡", "810", "092"),
            new("福岡県", "北九州市小倉北区", "小倉", "802", "093"), new("熊本県", "熊本市中央区", "熊本", "860", "096"),
            new("鹿児島県", "鹿児島市", "鹿児島", "890", "099"), new("大分県", "大分市", "大分", "870", "097"),
            new("長崎県", "長崎市", "長崎", "850", "095"), new("宮崎県", "宮崎市", "宮崎", "880", "0985"),
            new("佐賀県", "佐賀市", "佐賀", "840", "0952"),
        ],
        [
            new("筑紫", "ツクシ", "tsukushi"), new("九州", "キュウシュウ", "kyushu"), new("博多", "ハカタ", "hakata"),
            new("火の国", "ヒノクニ", "hinokuni"), new("薩摩", "サツマ", "satsuma"), new("豊後", "ブンゴ", "bungo"),
        ]),
        new("Okinawa", 4,
        [
            new("沖縄県", "那覇市", "那覇", "900", "098"), new("沖縄県", "浦添市", "浦添", "901", "098"),
            new("沖縄県", "沖縄市", "沖縄", "904", "098"), new("沖縄県", "宜野湾市", "宜野湾", "901", "098"),
            new("沖縄県", "うるま市", "うるま", "904", "098"),
        ],
        [
            new("琉球", "リュウキュウ", "ryukyu"), new("南西", "ナンセイ", "nansei"), new("首里", "シュリ", "shuri"),
            new("沖縄", "オキナワ", "okinawa"), new("美ら海", "チュラウミ", "churaumi"),
        ]),
        new("Islands", 4,
        [
            new("新潟県", "佐渡市", "佐渡", "952", "0259"), new("東京都", "八丈島八丈町", "八丈島", "10014", "04996"),
            new("長崎県", "対馬市", "対馬", "817", "0920"), new("長崎県", "五島市", "五島", "853", "0959"),
            new("鹿児島県", "奄美市", "奄美", "894", "0997"), new("沖縄県", "石垣市", "石垣", "907", "0980"),
            new("沖縄県", "宮古島市", "宮古島", "906", "0980"), new("島根県", "隠岐郡隠岐の島町", "隠岐", "685", "08512"),
        ],
        [
            new("佐渡", "サド", "sado"), new("八丈", "ハチジョウ", "hachijo"), new("対馬", "ツシマ", "tsushima"),
            new("五島", "ゴトウ", "goto"), new("奄美", "アマミ", "amami"), new("八重山", "ヤエヤマ", "yaeyama"),
        ]),
    ];

    public static readonly IReadOnlyList<string> Towns =
    [
        "本町", "栄町", "緑町", "旭町", "港町", "錦町", "幸町", "東町", "西町", "中町", "新町", "元町",
        "大手町", "駅前", "中央", "南町", "北町", "桜町", "若松町", "松原", "青葉町", "宮前町", "泉町", "昭和町",
    ];

    public static readonly IReadOnlyList<string> HeadOfficeDepartments = ["総務部", "本社 総務課", "管理部", "事務局"];

    public static readonly IReadOnlyList<string> Departments =
        ["営業部", "経理部", "人事部", "製造部", "技術部", "企画部", "購買部", "情報システム部", "品質管理部", "設計部"];

    public static readonly IReadOnlyList<string> BranchKinds = ["支店", "営業所", "工場", "事業所"];

    public static readonly IReadOnlyList<string> ShipToNames = ["第二倉庫", "物流センター", "資材置場", "研修センター", "第二工場"];

    public static readonly IReadOnlyList<string> DealerNamePatterns =
        ["株式会社{0}事務機", "{0}オフィスサプライ株式会社", "株式会社{0}文具", "有限会社{0}事務用品店", "株式会社{0}商会", "{0}ビジネスサービス株式会社"];

    public static readonly IReadOnlyList<string> DeliverySlipNotes =
        ["納品時は1階受付にお声がけください", "通用口（裏口）へ納品願います", "午前中納品希望", "納品書は2部同梱してください"];

    public static readonly IReadOnlyList<string> BillingNotes =
        ["請求書は月末締め・翌月10日必着", "請求書は部署別に発行", "支払は翌月末銀行振込"];

    /// <summary>行コメント; {0} is a surname.</summary>
    public static readonly IReadOnlyList<string> LineComments =
        ["{0}様ご依頼分", "会議室用", "受付用", "倉庫用", "新入社員用", "来客用", "総務部 {0}様", "至急"];
}
