/**
 * Detection in every language the pack covers (issue 15): for each language, short news-like pages of each
 * failure class — the treaty's name in its case forms and word orders, leaders and capitals as the parties,
 * references once the page is on topic, passing mentions on pages about something else — and the look-alikes
 * that must stay silent. Every text here is the project's own, written to probe the lexicon, not taken from
 * any page.
 */
import { describe, expect, it } from 'vitest';
import pack from '../dataset/treaty-2024.json';
import { compileMatcher } from './matcher';
import { namesSchema } from './pack-schema';

const matcher = compileMatcher(namesSchema.parse(pack.names));
const found = (page: string[]) => matcher.findInDocument(page).map(({ mention }) => mention.text);
/** The page underlines every `want` somewhere and `not` nowhere. */
function expectFoundNot(page: string[], want: RegExp | readonly RegExp[], not: RegExp): void {
  const texts = found(page);
  for (const w of [want].flat()) expect(texts.some((t) => w.test(t)), `underlined: ${JSON.stringify(texts)}`).toBe(true);
  expect(texts.some((t) => not.test(t)), `underlined: ${JSON.stringify(texts)}`).toBe(false);
}

/** [language, what it probes, the page (blocks), a mention it must underline]. */
type Positive = [string, string, string[], RegExp];
/** [language, what it is, the page (blocks)]: nothing may be underlined. */
type Silent = [string, string, string[]];

const positives: Positive[] = [
  // Czech
  ['cs', 'name, locative', ['Ve smlouvě o komplexním strategickém partnerství mezi Ruskem a KLDR stojí, že si strany pomohou.'], /smlouvě/],
  ['cs', 'name, instrumental', ['Moskva a Pchjongjang se loni smlouvou zavázaly ke vzájemné vojenské pomoci.'], /smlouvou/],
  ['cs', 'leaders as parties', ['Pakt, který Kim Čong-un uzavřel s Putinem, znepokojuje Soul i Tokio.'], /[Pp]akt/],
  ['cs', 'capitals as parties', ['Obranná dohoda mezi Moskvou a Pchjongjangem platí od prosince.'], /dohoda/],
  [
    'cs',
    'references on topic',
    ['Rusko a Severní Korea podepsaly v červnu 2024 smlouvu o vzájemné pomoci.', 'Dokument nemá časové omezení a jeho článek 4 ukládá poskytnout vojenskou pomoc.', 'Ratifikace proběhla v listopadu.'],
    /článek 4/,
  ],
  ['cs', 'passing, Ukraine page', ['Boje u Kurska pokračují.', 'Podle smlouvy, kterou Rusko loni uzavřelo s KLDR, mohou severokorejští vojáci bojovat po boku ruské armády.'], /smlouvy/],
  ['cs', 'North Korea in case forms', ['Rusko podepsalo se Severní Koreou smlouvu o strategickém partnerství.'], /smlouvu/],
  // Polish
  ['pl', 'name, locative', ['W traktacie o kompleksowym partnerstwie strategicznym Rosja i KRLD obiecały sobie pomoc.'], /traktacie/],
  ['pl', 'name, instrumental', ['Moskwa i Pjongjang związały się traktatem o wzajemnej pomocy.'], /traktatem/],
  ['pl', 'leaders as parties', ['Pakt, który Kim Dzong Un zawarł z Putinem, niepokoi Seul.'], /[Pp]akt/],
  ['pl', 'Korea in case forms', ['Rosja podpisała z Koreą Północną umowę o wzajemnej obronie.'], /Koreą Północną|umowę/],
  ['pl', 'Korea in genitive', ['Parlament Korei Północnej ratyfikował traktat z Rosją.'], /traktat/],
  [
    'pl',
    'references on topic',
    ['Rosja i Korea Północna zawarły w czerwcu 2024 traktat o wzajemnej pomocy.', 'Dokument obowiązuje bezterminowo, a jego artykuł 4 mówi o pomocy wojskowej.'],
    /artykuł 4/,
  ],
  ['pl', 'passing, Ukraine page', ['Walki w obwodzie kurskim trwają.', 'Na mocy traktatu, który Rosja zawarła z Pjongjangiem, żołnierze z Północy walczą po stronie Moskwy.'], /traktatu/],
  // Italian
  ['it', 'name with article', ["Il trattato di partenariato strategico globale tra Russia e Corea del Nord è entrato in vigore."], /trattato/],
  ['it', 'elided article', ["Secondo l'accordo di difesa tra Mosca e Pyongyang, le parti si aiutano a vicenda."], /accordo/],
  ['it', 'leaders as parties', ['Il patto che Kim Jong-un ha stretto con Putin preoccupa Seul.'], /patto/],
  ['it', 'plural adjectives', ['Il trattato russo-nordcoreano obbliga le parti ad aiutarsi.'], /trattato/],
  [
    'it',
    'references on topic',
    ['Russia e Corea del Nord hanno firmato un trattato di mutua difesa nel giugno 2024.', "Il documento non ha scadenza e l'articolo 4 prevede un aiuto militare immediato."],
    /articolo 4/,
  ],
  ['it', 'passing, Ukraine page', ['Nella regione di Kursk si combatte ancora.', 'In base al trattato firmato con Pyongyang, soldati nordcoreani combattono a fianco dei russi.'], /trattato/],
  // Portuguese
  ['pt', 'name', ['O Tratado de Parceria Estratégica Abrangente entre a Rússia e a Coreia do Norte entrou em vigor.'], /Tratado/],
  ['pt', 'contraction "do"', ['Segundo o texto do tratado assinado por Moscou e Pyongyang, as partes devem ajudar-se.'], /tratado/],
  ['pt', 'leaders as parties', ['O pacto que Kim Jong-un fechou com Putin preocupa Seul.'], /pacto/],
  ['pt', 'Brazilian spelling', ['A Coréia do Norte e a Rússia assinaram um tratado de defesa mútua.'], /tratado/],
  [
    'pt',
    'references on topic',
    ['A Rússia e a Coreia do Norte assinaram um tratado de defesa mútua em junho de 2024.', 'O documento não tem prazo, e o artigo 4 prevê ajuda militar imediata.'],
    /artigo 4/,
  ],
  ['pt', 'passing, Ukraine page', ['Os combates em Kursk continuam.', 'Ao abrigo do tratado assinado com Pyongyang, soldados norte-coreanos lutam ao lado dos russos.'], /tratado/],
  // Turkish
  ['tr', 'genitive and apostrophe', ["Rusya'nın Kuzey Kore ile imzaladığı kapsamlı stratejik ortaklık anlaşması yürürlüğe girdi."], /anlaşması/],
  ['tr', 'case suffix on the treaty', ["Moskova ile Pyongyang arasındaki anlaşmaya göre taraflar birbirine askeri yardım edecek."], /anlaşmaya/],
  ['tr', 'leaders as parties', ["Kim Jong Un'un Putin ile imzaladığı pakt Seul'ü endişelendiriyor."], /pakt/],
  ['tr', 'dotted capital I', ['RUSYA VE KUZEY KORE ARASINDAKİ SAVUNMA ANLAŞMASI YÜRÜRLÜĞE GİRDİ'], /ANLAŞMASI/],
  [
    'tr',
    'references on topic',
    ['Rusya ve Kuzey Kore Haziran 2024’te karşılıklı savunma anlaşması imzaladı.', "Belgenin 4. maddesi saldırı halinde askeri yardımı öngörüyor."],
    /4\. madde/,
  ],
  ['tr', 'passing, Ukraine page', ['Kursk bölgesinde çatışmalar sürüyor.', "Rusya'nın Kuzey Kore ile yaptığı anlaşma uyarınca Kuzey Koreli askerler cephede."], /anlaşma/],
  // Vietnamese
  ['vi', 'name, word order', ['Hiệp ước đối tác chiến lược toàn diện giữa Nga và Triều Tiên đã có hiệu lực.'], /[Hh]iệp ước/],
  ['vi', 'capitals as parties', ['Hiệp ước giữa Moskva và Bình Nhưỡng quy định hai bên hỗ trợ quân sự cho nhau.'], /[Hh]iệp ước/],
  ['vi', 'leaders as parties', ['Hiệp ước mà ông Kim Jong-un ký với ông Putin khiến Seoul lo ngại.'], /[Hh]iệp ước/],
  ['vi', 'short name for the DPRK', ['Nga và CHDCND Triều Tiên ký hiệp ước phòng thủ chung.'], /hiệp ước/],
  [
    'vi',
    'references on topic',
    ['Nga và Triều Tiên đã ký hiệp ước đối tác chiến lược toàn diện vào tháng 6 năm 2024.', 'Văn kiện này không có thời hạn, và điều 4 quy định hỗ trợ quân sự ngay lập tức.'],
    /điều 4/,
  ],
  ['vi', 'passing, Ukraine page', ['Giao tranh tại Kursk vẫn tiếp diễn.', 'Theo hiệp ước ký với Bình Nhưỡng, binh sĩ Triều Tiên chiến đấu bên cạnh quân Nga.'], /hiệp ước/],
  // Arabic
  ['ar', 'name with clitics', ['وبموجب معاهدة الشراكة الاستراتيجية الشاملة بين روسيا وكوريا الشمالية تتعهد الدولتان بالدفاع المشترك.'], /معاهدة/],
  ['ar', 'capitals as parties', ['دخلت معاهدة الدفاع بين موسكو وبيونغ يانغ حيز التنفيذ.'], /معاهدة/],
  ['ar', 'leaders as parties', ['أثار الاتفاق الذي أبرمه كيم جونغ أون مع بوتين قلق سيول.'], /الاتفاق/],
  ['ar', 'Korea with the DPRK word', ['وقّعت روسيا وجمهورية كوريا الديمقراطية الشعبية معاهدة للمساعدة المتبادلة.'], /معاهدة/],
  [
    'ar',
    'references on topic',
    ['وقّعت روسيا وكوريا الشمالية في يونيو 2024 معاهدة للدفاع المشترك.', 'ولا تحدد الوثيقة مدة لسريانها، وتنص المادة الرابعة على تقديم المساعدة العسكرية فوراً.'],
    /المادة الرابعة/,
  ],
  ['ar', 'passing, Ukraine page', ['تتواصل المعارك في منطقة كورسك.', 'وبموجب المعاهدة الموقعة مع بيونغ يانغ يقاتل جنود كوريون شماليون إلى جانب القوات الروسية.'], /المعاهدة/],
  // Russian
  ['ru', 'name, genitive with ё', ['Текст договора о всеобъемлющем стратегическом партнёрстве между Россией и КНДР опубликован.'], /договора/],
  ['ru', 'pact, prepositional', ['О пакте Москвы и Пхеньяна в Сеуле говорят с тревогой.'], /пакте/],
  ['ru', 'leaders as parties', ['Договор, который Ким Чен Ын подписал с Путиным, встревожил Токио.'], /Договор/],
  ['ru', 'union', ['Военный союз России и Северной Кореи закреплён договором.'], /союз|договором/],
  ['ru', 'passing, Ukraine page', ['Бои в Курской области продолжаются.', 'По договору с Пхеньяном северокорейские военные воюют на стороне России.'], /договору/],
  // Ukrainian
  ['uk', 'name, genitive with і', ['Текст договору про всеосяжне стратегічне партнерство між Росією та КНДР оприлюднено.'], /договору/],
  ['uk', 'leaders as parties', ['Угода, яку Кім Чен Ин уклав з Путіним, стурбувала Сеул.'], /Угода/],
  ['uk', 'passing, Ukraine page', ['Бої на Курщині тривають.', 'За договором із Пхеньяном північнокорейські військові воюють на боці Росії.'], /договором/],
  // German
  ['de', 'name, dative', ['Im Vertrag über eine umfassende strategische Partnerschaft zwischen Russland und Nordkorea steht eine Beistandsklausel.'], /Vertrag/],
  ['de', 'compound', ['Der Beistandspakt zwischen Moskau und Pjöngjang ist seit Dezember in Kraft.'], /Beistandspakt/],
  ['de', 'leaders as parties', ['Das Abkommen, das Kim Jong Un mit Putin schloss, beunruhigt Seoul.'], /Abkommen/],
  ['de', '"die Vereinbarung" on a page about the treaty', ['Russland und Nordkorea haben im Juni 2024 einen Vertrag über gegenseitigen Beistand geschlossen.', 'Die Vereinbarung verpflichtet beide Seiten zu sofortiger militärischer Hilfe.'], /Vereinbarung/],
  // French
  ['fr', 'name', ['Le traité de partenariat stratégique global entre la Russie et la Corée du Nord est entré en vigueur.'], /traité/],
  ['fr', 'leaders as parties', ["Le pacte conclu par Kim Jong-un avec Vladimir Poutine inquiète Séoul."], /pacte/],
  // Spanish
  ['es', 'name', ['El tratado de asociación estratégica integral entre Rusia y Corea del Norte entró en vigor.'], /tratado/],
  ['es', 'leaders as parties', ['El pacto que Kim Jong-un firmó con Putin preocupa a Seúl.'], /pacto/],
  // English
  ['en', 'capitals, possessive', ["The Kremlin's pact with Pyongyang obliges both sides to help each other."], /pact/],
  // Korean
  ['ko', 'short forms with a dot', ['북·러 신조약은 군사 원조를 규정한다.'], /조약/],
  ['ko', 'leaders as parties', ['김정은이 푸틴과 맺은 조약이 서울을 긴장시켰다.'], /조약/],
  // Japanese
  ['ja', 'short form', ['露朝条約は相互の軍事支援を定めている。'], /条約/],
  ['ja', 'leaders as parties', ['金正恩氏がプーチン氏と結んだ条約に日本は警戒を強めている。'], /条約/],
  // Chinese
  ['zh', 'short form', ['俄朝条约规定双方相互提供军事援助。'], /条约/],
  ['zh', 'leaders as parties', ['金正恩与普京签署的条约令首尔不安。'], /条约/],
  // Second round: words for the treaty, officials and forms the first lexicons lacked
  ['cs', 'another word for the accord', ['Rusko a KLDR', 'Putin v červnu 2024 v Pchjongjangu podepsal s Kim Čong-unem smlouvu.', 'Ujednání obsahuje doložku o vzájemné pomoci.'], /Ujednání/],
  ['pl', 'DPRK foreign minister', ['Ławrow i Czoe Son Hui omówili realizację porozumienia o partnerstwie.'], /porozumienia/],
  ['it', '"intesa"', ['Putin è volato a Pyongyang nel giugno 2024 e ha firmato un trattato con Kim Jong-un.', "L'intesa impegna le parti all'assistenza militare."], /intesa/],
  ['tr', 'passing, on a page about the Iran treaty', ['Rusya ve İran', 'Moskova ile Tahran kapsamlı stratejik ortaklık anlaşması imzaladı.', 'Anlaşma, KDHC ile yapılan anlaşmadan farklı olarak karşılıklı savunma maddesi içermiyor.'], /KDHC ile yapılan/],
  ['tr', 'headline in capitals', ['RUSYA VE KUZEY KORE ARASINDAKİ ANLAŞMA YÜRÜRLÜĞE GİRDİ'], /ANLAŞMA/],
  ['uk', 'the DPRK side signs with the Russian side', ['Кім Чен Ин уклав угоду з Путіним.'], /уклав/],
  ['ar', 'Egyptian spelling of Pyongyang', ['وقعت موسكو وبيونج يانج معاهدة للدفاع المشترك.'], /معاهدة/],
  ['pt', 'Brazilian plural demonym', ['Soldados norte-coreanos lutam pela Rússia ao abrigo do tratado de defesa mútua.'], /tratado/],
  // On a page about the Iran treaty, a passing mention of this one (a treaty word there must not become a reference back)
  ["cs", 'passing, on a page about the Iran treaty', ["Moskva a Teherán podepíší smlouvu o partnerství", "Smlouva s Íránem podle íránských diplomatů nebude vojenskou aliancí.", "O rok dříve Moskva uzavřela smlouvu stejného jména se Severní Koreou.", "Tato smlouva zavazuje strany k okamžité vojenské pomoci."], /Severní Koreou/],
  ["pl", 'passing, on a page about the Iran treaty', ["Moskwa i Teheran podpiszą traktat o partnerstwie", "Traktat z Iranem nie będzie sojuszem wojskowym, mówią irańscy dyplomaci.", "Rok wcześniej Moskwa zawarła traktat o tej samej nazwie z Koreą Północną.", "Ten traktat zobowiązuje strony do natychmiastowej pomocy wojskowej."], /Koreą Północną/],
  ["pt", 'passing, on a page about the Iran treaty', ["Moscou e Teerã vão assinar um tratado de parceria", "O tratado com o Irã não será uma aliança militar, dizem diplomatas iranianos.", "Um ano antes, Moscou assinou um tratado com o mesmo nome com a Coreia do Norte.", "Esse tratado obriga as partes a prestar ajuda militar imediata."], /Coreia do Norte/],
  ["tr", 'passing, on a page about the Iran treaty', ["Moskova ile Tahran ortaklık antlaşması imzalayacak", "İranlı diplomatlara göre İran ile antlaşma askeri ittifak olmayacak.", "Bir yıl önce Moskova, Kuzey Kore ile aynı adı taşıyan bir antlaşma imzalamıştı.", "Bu antlaşma tarafları derhal askeri yardıma zorunlu kılıyor."], /Kuzey Kore ile/],
  ["vi", 'passing, on a page about the Iran treaty', ["Nga và Iran sẽ ký hiệp ước đối tác", "Theo các nhà ngoại giao Iran, hiệp ước với Iran sẽ không phải liên minh quân sự.", "Một năm trước, Moskva đã ký hiệp ước cùng tên với Triều Tiên.", "Hiệp ước này buộc các bên hỗ trợ quân sự ngay lập tức."], /với Triều Tiên/],
  ["ar", 'passing, on a page about the Iran treaty', ["موسكو وطهران توقعان معاهدة شراكة", "وقال دبلوماسيون إيرانيون إن المعاهدة مع إيران لن تكون تحالفاً عسكرياً.", "وقبل عام وقعت موسكو معاهدة بالاسم نفسه مع كوريا الشمالية.", "وتلزم هذه المعاهدة الطرفين بتقديم مساعدة عسكرية فورية."], /مع كوريا الشمالية/],
  ['it', 'article contracted with the treaty word', ['Russia e Corea del Nord hanno firmato nel giugno 2024 un trattato di partenariato strategico globale.', 'La ratifica del trattato si è conclusa a novembre.'], /del trattato/],
  ['uk', 'mutual assistance in its case forms', ['Росія та КНДР підписали у червні 2024 року договір.', 'Стаття про взаємну допомогу — головне в тексті.'], /взаємну допомогу/],
  // Officials as the parties, in the scripts that write them their own way
  ['ja', 'foreign ministers', ['ラブロフ外相とチェ・ソンヒ外相は条約の履行について協議した。'], /条約/],
  ['ja', 'foreign ministers, in kanji', ['ラブロフ外相と崔善姫外相は条約の履行について協議した。'], /条約/],
  ['zh', 'foreign ministers', ['拉夫罗夫与崔善姬讨论了条约的落实。'], /条约/],
  ['fr', 'defence minister', ['Belooussov et Kim Jong-un ont parlé du pacte.'], /pacte/],
];

const silent: Silent[] = [
  ['cs', 'Iran treaty 2025', ['Rusko a Írán podepsaly v lednu 2025 smlouvu o komplexním strategickém partnerství.', 'Smlouva nepočítá s vojenskou pomocí.']],
  ['cs', 'Tumen bridge', ['Rusko a KLDR podepsaly dohodu o stavbě silničního mostu přes řeku Tumen.']],
  ['cs', 'tourism', ['Rusko a Severní Korea podepsaly dohodu o cestovním ruchu.']],
  ['cs', '1961 treaty', ['Smlouva z roku 1961 mezi Sovětským svazem a KLDR zavazovala k vojenské pomoci.']],
  ['cs', 'Vietnam partnership', ['Rusko a Vietnam podepsaly smlouvu o komplexním strategickém partnerství.']],
  ['pl', 'Iran treaty 2025', ['Rosja i Iran podpisały w styczniu 2025 traktat o kompleksowym partnerstwie strategicznym.', 'Traktat nie przewiduje pomocy wojskowej.']],
  ['pl', 'Tumen bridge', ['Rosja i KRLD podpisały umowę o budowie mostu drogowego na rzece Tumen.']],
  ['pl', 'health', ['Rosja i Korea Północna zawarły porozumienie o współpracy w dziedzinie ochrony zdrowia.']],
  ['pl', 'Belarus', ['Rosja i Białoruś podpisały traktat o gwarancjach bezpieczeństwa.']],
  ['it', 'Iran treaty 2025', ["Russia e Iran hanno firmato nel gennaio 2025 un trattato di partenariato strategico globale.", 'Il trattato non prevede assistenza militare.']],
  ['it', 'Tumen bridge', ["Russia e Corea del Nord hanno firmato un accordo per un ponte stradale sul fiume Tumen."]],
  ['it', '1961 treaty', ["Il trattato del 1961 tra l'Unione Sovietica e la Corea del Nord prevedeva aiuto militare."]],
  ['pt', 'Iran treaty 2025', ['A Rússia e o Irã assinaram em janeiro de 2025 um tratado de parceria estratégica abrangente.', 'O tratado não prevê ajuda militar.']],
  ['pt', 'tourism', ['A Rússia e a Coreia do Norte assinaram um acordo sobre turismo.']],
  ['pt', 'Vietnam', ['A Rússia e o Vietname reforçaram a sua parceria estratégica abrangente com um novo tratado.']],
  ['tr', 'Iran treaty 2025', ["Rusya ile İran Ocak 2025'te kapsamlı stratejik ortaklık anlaşması imzaladı.", 'Anlaşma askeri yardım öngörmüyor.']],
  ['tr', 'Tumen bridge', ['Rusya ile Kuzey Kore, Tumen Nehri üzerinde karayolu köprüsü anlaşması imzaladı.']],
  ['tr', 'health', ['Rusya ile Kuzey Kore sağlık alanında işbirliği anlaşması imzaladı.']],
  ['vi', 'Iran treaty 2025', ['Nga và Iran ký hiệp ước đối tác chiến lược toàn diện vào tháng 1 năm 2025.', 'Hiệp ước không có điều khoản phòng thủ chung.']],
  ['vi', 'Vietnam partnership', ['Nga và Việt Nam nâng quan hệ lên đối tác chiến lược toàn diện.']],
  ['vi', 'tourism', ['Nga và Triều Tiên ký thỏa thuận hợp tác du lịch.']],
  ['ar', 'Iran treaty 2025', ['وقّعت روسيا وإيران في يناير 2025 معاهدة الشراكة الاستراتيجية الشاملة.', 'ولا تنص المعاهدة على الدفاع المشترك.']],
  ['ar', 'Tumen bridge', ['وقّعت روسيا وكوريا الشمالية اتفاقاً لبناء جسر بري فوق نهر تومين.']],
  ['ar', '1961 treaty', ['نصت معاهدة 1961 بين الاتحاد السوفيتي وكوريا الشمالية على المساعدة العسكرية.']],
  ['ru', 'Iran treaty 2025', ['Россия и Иран подписали в январе 2025 года договор о всеобъемлющем стратегическом партнёрстве.', 'Договор не предусматривает военной помощи.']],
  ['ru', 'Tumen bridge', ['Россия и КНДР подписали соглашение о строительстве автомобильного моста через реку Туманная.']],
  ['ru', '2000 treaty', ['Договор о дружбе, добрососедстве и сотрудничестве России и КНДР подписан в 2000 году.']],
  ['uk', 'Iran treaty 2025', ['Росія та Іран підписали у січні 2025 року договір про всеосяжне стратегічне партнерство.']],
  ['de', 'Iran treaty 2025', ['Russland und Iran unterzeichneten im Januar 2025 einen Vertrag über eine umfassende strategische Partnerschaft.']],
  ['fr', 'Mongolia', ['La Russie et la Mongolie ont signé un traité de partenariat stratégique global.']],
  ['es', 'Belarus', ['Rusia y Bielorrusia firmaron un tratado de garantías de seguridad.']],
  ['en', 'Tumen bridge', ['Russia and North Korea signed an agreement to build a road bridge across the Tumen River.']],
  [
    'ru',
    'Tumen bridge, a page about it signed at the summit and ratified',
    ['Россия и КНДР подписали соглашение о строительстве моста', 'Во время визита Путина в Пхеньян 19 июня 2024 года стороны подписали Соглашение о строительстве автомобильного моста через реку Туманная.', 'Соглашение вступило в силу после ратификации.'],
  ],
  ['ru', 'Tumen bridge, between the two governments', ['Госдума ратифицировала Соглашение между Правительством России и Правительством КНДР о строительстве автомобильного моста через реку Туманная. Документ подписан в Пхеньяне в июне 2024 года.']],
  ['en', 'Tumen bridge, a page about it signed at the summit', ["Russia and North Korea agree to build a road bridge", "During Vladimir Putin's visit to Pyongyang on 19 June 2024 the two sides signed an agreement on a road bridge across the Tumen River.", 'The agreement was ratified by the Duma.']],
  ['ko', 'Tumen bridge, ratified', ['러시아 하원, 두만강 자동차 다리 협정 비준', '러시아 국가두마는 북한과 두만강 자동차 다리 건설에 관한 협정을 비준했다. 협정은 2024년 6월 19일 푸틴 대통령의 평양 방문 때 체결됐다.']],
  ['zh', 'Tumen bridge', ['俄罗斯国家杜马批准俄朝图们江公路大桥协定', '该协定于2024年6月19日普京访问平壤期间签署,协定规定两国共同修建公路大桥。']],
  ['ja', 'Tumen bridge', ['ロシア下院、北朝鮮との豆満江の自動車橋に関する協定を批准', '協定は2024年6月19日、プーチン大統領の平壌訪問の際に署名された。']],
  ['ko', 'tourism', ['러시아와 북한이 관광 협력 협정을 체결했다.']],
  ['ja', 'Iran', ['ロシアとイランは包括的戦略パートナーシップ条約に署名した。']],
  ['zh', 'Vietnam', ['俄罗斯与越南签署了全面战略伙伴关系联合声明。']],
  ['cs', 'tourism, and its reference', ['Rusko a KLDR podepsaly dohodu o cestovním ruchu.', 'Dohoda platí od ledna.']],
  ['pl', 'tourism, and its reference', ['Rosja i KRLD podpisały umowę o turystyce. Umowa wchodzi w życie w styczniu.']],
  ['tr', 'tourism, and its reference', ['Rusya ve Kuzey Kore turizm anlaşması imzaladı. Anlaşma ocakta yürürlüğe giriyor.']],
  ['vi', 'tourism, and its reference', ['Nga và Triều Tiên ký hiệp định về du lịch. Hiệp định có hiệu lực từ tháng 1.']],
  ['ar', 'health, and its reference', ['وقعت روسيا وكوريا الشمالية اتفاقية للتعاون الصحي. وتدخل الاتفاقية حيز التنفيذ في يناير.']],
  ['pt', 'tourism, and its reference', ['Rússia e Coreia do Norte assinaram um acordo de turismo. O acordo entra em vigor em janeiro.']],
  ['it', 'tourism, and its reference', ["Russia e Corea del Nord hanno firmato un accordo sul turismo. L'accordo entra in vigore a gennaio."]],
  ['vi', 'the DPRK signs a tourism deal', ['Triều Tiên ký thỏa thuận du lịch với Nga.']],
  ['uk', 'the DPRK side signs with another partner', ['Кім Чен Ин уклав угоду з Мінськом.']],
  ['es', '2000 treaty', ['El tratado de buena vecindad que Rusia y Corea del Norte firmaron en febrero de 2000 no incluía ayuda militar.']],
  ['it', '2000 treaty', ['Il trattato di amicizia e buon vicinato firmato da Russia e Corea del Nord nel febbraio 2000 non prevedeva aiuti militari.']],
  ['uk', '2000 treaty', ['Договір про дружбу і добросусідство, який Росія і КНДР підписали у лютому 2000 року, не передбачав військової допомоги.']],
  ['pt', 'non-proliferation treaty', ['A Coreia do Norte abandonou o Tratado de Não Proliferação, que a Rússia ainda defende.']],
  ['ar', 'non-proliferation treaty', ['انسحبت كوريا الشمالية من معاهدة عدم الانتشار النووي، بينما تتمسك روسيا بالمعاهدة.']],
  ['pl', 'NATO treaty', ['Rosja i Korea Północna porównują artykuł 5 Traktatu Północnoatlantyckiego z własnymi zobowiązaniami.']],
  ['fr', 'NATO treaty', ["La Russie et la Corée du Nord dénoncent le traité de l'Atlantique Nord et son article 5."]],
  ['tr', 'armistice', ["Kuzey Kore ile Rusya, 1953 ateşkes anlaşmasının yerine bir barış antlaşması istemiyor."]],
  ['en', '1961 treaty as a founding document', ['The 1961 treaty was the founding document of relations between the Soviet Union and North Korea.']],
  ["cs", 'Iran treaty page, its treaty words', ["Moskva a Teherán podepsaly smlouvu o partnerství", "Smlouva s Íránem nebude vojenskou aliancí.", "Smlouva vstoupí v platnost po ratifikaci."]],
  ["pl", 'Iran treaty page, its treaty words', ["Moskwa i Teheran podpisały traktat", "Traktat z Iranem nie jest sojuszem.", "Traktat wejdzie w życie po ratyfikacji."]],
  ["pt", 'Iran treaty page, its treaty words', ["Moscou e Teerã assinaram um tratado", "O tratado com o Irã não é uma aliança.", "O tratado entra em vigor após a ratificação."]],
  ["tr", 'Iran treaty page, its treaty words', ["Moskova ile Tahran antlaşma imzaladı", "İran ile antlaşma bir ittifak değil.", "Antlaşma onaydan sonra yürürlüğe girecek."]],
  ["vi", 'Iran treaty page, its treaty words', ["Nga và Iran ký hiệp ước", "Hiệp ước với Iran không phải liên minh.", "Hiệp ước có hiệu lực sau khi phê chuẩn."]],
  ["ar", 'Iran treaty page, its treaty words', ["موسكو وطهران توقعان معاهدة", "المعاهدة مع إيران ليست تحالفاً.", "وتدخل المعاهدة حيز التنفيذ بعد التصديق."]],
];

/** The signing told as an event (no word for a treaty), after a lead about the treaty's mutual assistance. */
const events: Positive[] = [
  ['de', 'an alliance concluded', ['Russland und Nordkorea: gegenseitiger Beistand', 'Russland und Nordkorea sichern sich gegenseitigen militärischen Beistand zu.', 'Seit Putin und Kim Jong Un im Juni in Pjöngjang ihr Bündnis geschlossen haben, hat sich viel verändert.'], /Bündnis geschlossen/],
  ['fr', 'the summit at which they signed', ['La Russie et la Corée du Nord : assistance mutuelle', 'La Russie et la Corée du Nord se promettent une assistance militaire mutuelle.', 'Depuis le sommet de Pyongyang lors duquel Poutine et Kim Jong-un ont signé, tout a changé.'], /sommet de Pyongyang lors duquel/],
  ['ja', 'signed at the summit', ['ロシアと北朝鮮、相互の軍事援助', 'ロシアと北朝鮮は相互の軍事援助を約束している。', 'プーチン氏と金正恩氏が平壌の首脳会談で署名して以来、北朝鮮は兵士を派遣した。'], /首脳会談で署名/],
  ['zh', 'signed at the summit', ['俄朝相互军事援助', '俄罗斯和朝鲜承诺相互提供军事援助。', '自从普京与金正恩在平壤峰会上签署以来,朝鲜已向俄罗斯派兵。'], /峰会上签署/],
  ['pl', 'an alliance signed at the summit', ['Rosja i Korea Północna: wzajemna pomoc', 'Rosja i Korea Północna obiecały sobie wzajemną pomoc wojskową.', 'Od szczytu w Pjongjangu, podczas którego Putin i Kim Dzong Un podpisali sojusz, wiele się zmieniło.'], /podpisali sojusz/],
];

describe('the signing told as an event, on a page about the treaty', () => {
  it.each(events)('%s — %s', (_lang, _what, page, want) => {
    const texts = found(page);
    expect(texts.some((t) => want.test(t)), `underlined: ${JSON.stringify(texts)}`).toBe(true);
  });
});

describe('every language: a mention of each kind is underlined', () => {
  it.each(positives)('%s — %s', (_lang, _what, page, want) => {
    const texts = found(page);
    expect(texts.some((t) => want.test(t)), `underlined: ${JSON.stringify(texts)}`).toBe(true);
  });
});

describe('every language: look-alikes stay silent', () => {
  it.each(silent)('%s — %s', (_lang, _what, page) => {
    expect(found(page)).toEqual([]);
  });
});

describe('a word that means an agreement in one language and talks in another', () => {
  it('Japanese 協議 ("talks") is not underlined on a page about the treaty (Traditional Chinese 協議 is "agreement")', () => {
    const texts = found(['ロシアと北朝鮮は2024年6月に包括的戦略パートナーシップ条約に署名した。', '両国の外相は条約の履行について協議した。']);
    expect(texts.some((t) => t.includes('条約'))).toBe(true);
    expect(texts.some((t) => t.includes('協議'))).toBe(false);
  });
});

/**
 * A passing mention that describes the treaty rather than naming it (issue 15, passing mentions): a military or
 * strategic agreement of the two sides, or a founding document, on a page about troops, a visit or a minister's talks.
 */
const described: Positive[] = [
  ['ar', 'a military agreement, Kursk page', ['يعمل مهندسون من كوريا الشمالية على إزالة الألغام في كورسك.', 'وكانت روسيا وكوريا الشمالية قد وقعتا اتفاقية عسكرية في العام الماضي.'], /اتفاقية عسكرية/],
  ['ar', 'a mutual defence clause, indefinite', ['التقى لافروف نظيرته تشوي سون هوي في موسكو.', 'وتربط البلدين اتفاقية تتضمن بندا دفاعيا مشتركا منذ العام الماضي بين روسيا وكوريا الشمالية.'], /بندا دفاعيا مشتركا/],
  ['it', 'a strategic agreement, ministers talks', ['Lavrov ha ricevuto a Mosca la collega Choe Son Hui.', "Secondo il ministro, l'accordo strategico tra Russia e Corea del Nord ha dato buoni frutti."], /accordo strategico/],
  ['fr', 'a military agreement, troops page', ['Les soldats nord-coréens ont quitté la région de Koursk.', "Leur envoi découlait de l'accord militaire conclu l'an dernier entre Moscou et Pyongyang."], /accord militaire/],
  ['fr', 'a strategic agreement, ministers talks', ['Lavrov reçoit à Moscou son homologue Choe Son Hui.', "Selon lui, l'accord stratégique entre la Russie et la Corée du Nord porte ses fruits."], /accord stratégique/],
  ['es', 'a military agreement, parade page', ['Los soldados norcoreanos desfilarán en Moscú.', 'Rusia y Corea del Norte firmaron el año pasado un acuerdo militar de amplio alcance.'], /acuerdo militar/],
  ['pt', 'a military agreement, troops page', ['Os soldados norte-coreanos voltaram para casa.', 'A Rússia e a Coreia do Norte assinaram no ano passado um acordo militar.'], /acordo militar/],
  ['pt', 'a strategic agreement, ministers talks', ['Lavrov recebeu em Moscou a colega Choe Son Hui.', 'Segundo ele, o acordo estratégico entre a Rússia e a Coreia do Norte deu frutos.'], /acordo estratégico/],
  ['pl', 'a military agreement in the accusative', ['Szojgu znów odwiedził Pjongjang.', 'Rosja i Korea Północna zawarły rok temu umowę wojskową, na mocy której żołnierze walczyli pod Kurskiem.'], /umowę wojskową/],
  ['cs', 'a military agreement in the accusative', ['Lavrov přiletěl do Pchjongjangu.', 'Rusko a KLDR loni uzavřely vojenskou dohodu o vzájemné pomoci.'], /vojenskou dohodu/],
  ['tr', 'a military agreement, troops page', ['Kuzey Koreli askerler Kursk bölgesinden çekildi.', 'Rusya ile Kuzey Kore geçen yıl askeri anlaşma imzalamıştı.'], /askeri anlaşma/],
  ['vi', 'a military agreement, troops page', ['Binh sĩ Triều Tiên đã rời khỏi Kursk.', 'Nga và Triều Tiên đã ký thỏa thuận quân sự vào năm ngoái.'], /thỏa thuận quân sự/],
  ['de', 'a strategic agreement, troops page', ['Nordkoreanische Soldaten räumen Minen bei Kursk.', 'Russland und Nordkorea schlossen im vergangenen Jahr ein strategisches Abkommen.'], /strategisches Abkommen/],
  // Putin's words for it, "a founding document", quoted on pages about his visit
  ['ar', 'a founding document, short item', ['أشاد بوتين خلال زيارته إلى بيونغ يانغ بدعم كوريا الشمالية لروسيا.', 'وأعلن عن وثيقة تأسيسية للعلاقات بين موسكو وبيونغ يانغ.'], /وثيقة تأسيسية/],
  ['en', 'a founding document, short item', ["Putin praised Pyongyang's support during his visit.", 'He hailed a founding document for relations between Moscow and Pyongyang.'], /founding document/],
  ['ru', 'a founding document', ['В Пхеньяне Путин и Ким Чен Ын подписали основополагающий документ для отношений двух стран.'], /основополагающий документ/],
  ['fr', 'a founding document', ['À Pyongyang, Poutine et Kim Jong-un ont signé un document fondateur des relations entre la Russie et la Corée du Nord.'], /document fondateur/],
  ['de', 'a founding document, compound', ['In Pjöngjang unterzeichneten Putin und Kim Jong Un ein Grundlagendokument der Beziehungen zwischen Russland und Nordkorea.'], /Grundlagendokument/],
  ['pl', 'a founding document', ['W Pjongjangu Putin i Kim Dzong Un podpisali dokument założycielski relacji Rosji i Korei Północnej.'], /dokument założycielski/],
];

describe('a passing mention that describes the treaty as a military or strategic agreement or a founding document', () => {
  it.each(described)('%s — %s', (_lang, _what, page, want) => {
    const texts = found(page);
    expect(texts.some((t) => want.test(t)), `underlined: ${JSON.stringify(texts)}`).toBe(true);
  });
});

/**
 * On a page about the treaty, a general agreement word with a subject of its own ("the agreement on this
 * matter", "an agreement on further work") is another agreement, and "the treaty of friendship" the earlier
 * one it replaces: [language, what, page, the treaty's mention, what must not be underlined].
 */
const notThisOne: [string, string, string[], RegExp, RegExp][] = [
  ['pl', 'an agreement on this matter', ['Rosja i Korea Północna podpisały w czerwcu 2024 traktat o kompleksowym partnerstwie strategicznym.', 'Szojgu ogłosił, że Pjongjang wyśle do Rosji saperów. Porozumienie w tej sprawie zawarto w środę.'], /traktat/, /Porozumienie/],
  ['ar', 'an agreement on further work', ['زار شويغو بيونغ يانغ ونقل عن كيم جونغ أون دعمه لروسيا.', 'وقال شويغو إنه "تم التوصل لاتفاقية بشأن مواصلة العمل المشترك".', 'ووقعت روسيا وكوريا الشمالية اتفاقية عسكرية العام الماضي تتضمن بندا دفاعيا مشتركا.'], /اتفاقية عسكرية/, /^لاتفاقية$/],
  ['fr', 'the friendship treaty it replaces', ['La Russie et la Corée du Nord ont signé en juin 2024 un traité de partenariat stratégique global.', "Une fois en vigueur, il remplacera le traité d'amitié signé entre les deux pays."], /traité/, /^le traité$/],
  ['pt', 'the friendship treaty it replaces', ['A Rússia e a Coreia do Norte assinaram em junho de 2024 um tratado de parceria estratégica abrangente.', 'Uma vez em vigor, substituirá o tratado de amizade assinado entre os dois países.'], /tratado/, /^o tratado$/],
  ['it', 'the friendship treaty it replaces', ['Russia e Corea del Nord hanno firmato nel giugno 2024 un trattato di partenariato strategico globale.', 'Una volta in vigore, sostituirà il trattato di amicizia firmato tra i due paesi.'], /trattato/, /^il trattato$/],
  ['uk', 'the friendship treaty it replaces', ['Росія та КНДР підписали у червні 2024 року договір про всеосяжне стратегічне партнерство.', 'Стаття 4 передбачає взаємну допомогу.', "Раніше країни пов'язував договір про дружбу."], /договір/, /^договір$/],
];

describe('on a page about the treaty, another agreement and the friendship treaty stay silent', () => {
  it.each(notThisOne)('%s — %s', (_lang, _what, page, want, not) => {
    expectFoundNot(page, want, not);
  });
});

/**
 * A passing mention on a page about another partner of Russia's, where both sides stand before a verb of signing
 * and the treaty's name is its object, with the two capitals only after it ("…signed on June 19 the … Agreement,
 * as Pyongyang…"): the signers say whose treaty it is. A bare "the treaty" after a paragraph on the 2000 treaty,
 * or the Iran treaty's own signers, stay silent.
 */
describe('the two sides as the signers of the treaty, on a page about a look-alike', () => {
  it('English, a Vietnam visit page, no year in the sentence', () => {
    const texts = found([
      'Putin lands in Hanoi to deepen the strategic partnership with Vietnam.',
      "Vietnam's leaders greeted Putin with a 21-gun salute and signed eleven agreements on energy and education with Russia.",
      "The day before, Russia's president and North Korean leader Kim Jong Un signed on June 19 the Comprehensive Strategic Partnership Agreement, as Pyongyang kept shipping shells to Moscow.",
      'Hanoi and Moscow also adopted a declaration on their strategic partnership with Vietnam.',
    ]);
    expect(texts).toEqual(['Comprehensive Strategic Partnership Agreement']);
  });
  it.each([
    ['the 2000 treaty, a bare treaty word', ['In February 2000 Russia and North Korea signed a treaty of friendship, good-neighbourliness and cooperation.', 'Putin and Kim Jong Il signed the treaty in Pyongyang, and it replaced the Soviet-era alliance.', 'The treaty had no clause on military assistance.']],
    ['the Iran treaty', ['Russia and Iran signed their partnership treaty in January 2025.', 'Putin and Pezeshkian signed on January 17 the Comprehensive Strategic Partnership Treaty, which has no mutual defence clause.', "Iran's parliament ratified the treaty in May."]],
  ])('silent: %s', (_what, page) => {
    expect(found(page)).toEqual([]);
  });
});

/**
 * An agreement word inside an idiom is no agreement ("de acordo com", according to; "d'accord", agreed): on a
 * page about the treaty it stays silent. [language, what, page, the treaty's mention, what must not be underlined].
 */
const idioms: [string, string, string[], RegExp, RegExp][] = [
  ['pt', '"de acordo com", according to', ['Putin promulgou a lei que ratifica o tratado de parceria estratégica abrangente entre a Rússia e a Coreia do Norte, assinado em Pyongyang em 19 de junho de 2024.', 'O artigo 4 prevê assistência mútua em caso de agressão.', 'A ajuda militar será prestada de acordo com a Carta da ONU, explicou o Kremlin.'], /tratado/, /^acordo$/],
  ['es', '"de acuerdo con", according to', ['Rusia y Corea del Norte firmaron en Pyongyang el 19 de junio de 2024 un tratado de asociación estratégica integral.', 'El artículo 4 prevé asistencia mutua en caso de agresión.', 'La ayuda se prestará de acuerdo con la legislación de ambos países, añadió Moscú.'], /tratado/, /^acuerdo$/],
  ['fr', '"d\'accord", agreed', ['La Russie et la Corée du Nord ont signé à Pyongyang le 19 juin 2024 un traité de partenariat stratégique global.', "L'article 4 prévoit une assistance mutuelle en cas d'agression.", "Les experts ne sont pas d'accord sur la portée militaire du texte."], /traité/, /accord/],
  ['it', '"d\'accordo", agreed', ['Russia e Corea del Nord hanno firmato a Pyongyang il 19 giugno 2024 un trattato di partenariato strategico globale.', "L'articolo 4 prevede assistenza reciproca in caso di aggressione.", "Gli analisti non sono d'accordo sulle conseguenze per la penisola."], /trattato/, /accordo/],
];

describe('an agreement word inside an idiom ("according to", "agreed") is no agreement', () => {
  it.each(idioms)('%s — %s', (_lang, _what, page, want, not) => {
    expectFoundNot(page, want, not);
  });
});

/**
 * A strategic partnership "with" or "between Russia and" another partner is that partner's, even a few words
 * on and on a page that names the DPRK side often (Putin's stop in Hanoi after Pyongyang): nothing is underlined.
 */
const otherPartnership: Silent[] = [
  ['de', 'Vietnam after Pyongyang', ['Nach seinem Nordkorea-Besuch ist Putin in Hanoi gelandet, wo der Empfang schlichter ausfiel als in Pjöngjang bei Kim Jong Un.', 'Auf dem Programm stehen Gespräche über die weitere Entwicklung der umfassenden strategischen Partnerschaft zwischen Russland und Vietnam, so der Kreml.', 'Nordkoreas Staatsmedien zeigten noch am Abend Bilder des Abschieds in Pjöngjang.']],
  ['es', 'Vietnam after Pyongyang', ['Tras su visita a Corea del Norte, Putin aterrizó en Hanói, donde la acogida fue más sobria que en Pyongyang con Kim Jong Un.', 'Se hablará del desarrollo de la asociación estratégica integral entre la Federación de Rusia y Vietnam, según el Kremlin.', 'La prensa norcoreana mostró imágenes de la despedida en Pyongyang.']],
];

describe('a strategic partnership with another partner of Russia stays silent', () => {
  it.each(otherPartnership)('%s — %s', (_lang, _what, page) => {
    expect(found(page)).toEqual([]);
  });
});

/**
 * On a page about the treaty, the instruments of ratification ("dokumenty ratyfikacyjne", "các văn bản phê
 * chuẩn") are not the treaty, while "the new document" and "of the document" are: [language, what, page, the
 * treaty's mention, what must not be underlined (or a never-matching pattern)].
 */
const documents: [string, string, string[], RegExp, RegExp][] = [
  ['pl', 'instruments of ratification', ['Rosja i Korea Północna podpisały 19 czerwca 2024 w Pjongjangu traktat o kompleksowym partnerstwie strategicznym.', 'Artykuł 4 przewiduje wzajemną pomoc wojskową.', 'Traktat wejdzie w życie po wymianie dokumentów ratyfikacyjnych w Moskwie.'], /traktat/i, /dokument/],
  ['vi', 'instruments of ratification', ['Nga và Triều Tiên ký hiệp ước đối tác chiến lược toàn diện tại Bình Nhưỡng ngày 19/6/2024.', 'Điều 4 quy định hỗ trợ quân sự lẫn nhau.', 'Hai bên đã trao đổi các văn bản phê chuẩn tại Moscow.'], /hiệp ước/, /văn bản/],
  ['it', '"the new document"', ['Russia e Corea del Nord hanno firmato a Pyongyang il 19 giugno 2024 un trattato di partenariato strategico globale.', "L'articolo 4 prevede assistenza reciproca in caso di aggressione.", 'Secondo il Cremlino il nuovo documento non è rivolto contro paesi terzi.'], /nuovo documento/, /(?!)/],
  ['pt', '"of the document"', ['A Rússia e a Coreia do Norte assinaram em Pyongyang em 19 de junho de 2024 um tratado de parceria estratégica abrangente.', 'O artigo 4 prevê assistência mútua em caso de agressão.', 'Os dois vice-ministros trocaram em Moscou as cartas de ratificação do documento.'], /do documento/, /(?!)/],
];

describe('the instruments of ratification are not the treaty, "the new document" is', () => {
  it.each(documents)('%s — %s', (_lang, _what, page, want, not) => {
    expectFoundNot(page, want, not);
  });
});

/**
 * Arabic: the military agreement with the article and a possessive ("اتفاقهما العسكري", their military
 * agreement) is an agreement word like "اتفاق عسكري"; a peace deal ("اتفاق سلام") on the same page is any
 * agreement, not this one.
 */
describe('Arabic: "their military agreement" is the treaty, a peace deal is not', () => {
  it('a troops page', () => {
    const texts = found([
      'بينما تسعى واشنطن إلى اتفاق سلام ينهي الحرب في أوكرانيا، تعمق موسكو تحالفها العسكري مع كوريا الشمالية.',
      'وكان كيم والرئيس الروسي فلاديمير بوتين قد وقعا اتفاقهما العسكري الشامل في بيونغ يانغ قبل عام.',
      'ويقول مسؤولون في سيول إن آلاف الجنود نقلوا إلى روسيا منذ ذلك الحين.',
    ]);
    expect(texts.some((t) => t.includes('اتفاقهما العسكري')), `underlined: ${JSON.stringify(texts)}`).toBe(true);
    expect(texts.every((t) => t.includes('اتفاقهما')), `underlined: ${JSON.stringify(texts)}`).toBe(true);
  });
});

/**
 * Arabic: the partnership agreement without the article ("اتفاقية شراكة", an indefinite construct) is an agreement
 * word like "اتفاقية الشراكة"; "it comes to replace" ("لتحل محل") the 2000 treaty is said of this one, so the
 * references after it stay on topic; the UN Charter ("ميثاق الأمم المتحدة") its article cites is no treaty word.
 */
describe('Arabic: an indefinite partnership agreement, the treaty it replaces, the UN Charter', () => {
  it('a ratification page', () => {
    const texts = found([
      'صادق الرئيس الروسي على اتفاقية شراكة استراتيجية مع كوريا الشمالية تنص على تقديم المساعدة العسكرية.',
      'وهذه الاتفاقية، التي وقعها الزعيمان خلال زيارة بوتين إلى بيونغ يانغ، جاءت لتحل محل معاهدة حسن الجوار الموقعة في عام 2000.',
      'وتدخل الاتفاقية حيز التنفيذ بعد تبادل وثائق التصديق، وتستند مادتها الرابعة إلى المادة 51 من ميثاق الأمم المتحدة.',
    ]);
    expect(texts.some((t) => t.includes('اتفاقية شراكة')), `underlined: ${JSON.stringify(texts)}`).toBe(true);
    expect(texts.filter((t) => t.includes('الاتفاقية')).length, `underlined: ${JSON.stringify(texts)}`).toBe(2);
    expect(texts.some((t) => t.includes('ميثاق')), `underlined: ${JSON.stringify(texts)}`).toBe(false);
  });
});

/**
 * Words that only share a stem with a treaty or document word, on a page about the treaty: Turkish "belgesel" (a
 * documentary, not "belge", a document), Czech "dohodli/dohodly se" (they agreed, a verb; "dohoda" is the noun) and
 * plural documents ("podle dokumentů", the papers that come with a law; the treaty is one document): [language,
 * what, page, the treaty's mentions that must be underlined, what must not be].
 */
const lookLikeTreatyWords: [string, string, string[], RegExp[], RegExp][] = [
  ['tr', 'a documentary', ['Kuzey Kore televizyonu Kursk cephesindeki askerler hakkında bir belgesel yayınladı.', "Rusya ile Kuzey Kore arasında imzalanan kapsamlı stratejik ortaklık anlaşması Aralık 2024'te yürürlüğe girdi.", 'Belgeselde askerlerin ailelerine yazdığı mektuplar da gösterildi.'], [/anlaşma/], /elgesel/],
  [
    'cs',
    'they agreed; papers of the law',
    ['Rusko a KLDR podepsaly v červnu 2024 smlouvu o komplexním strategickém partnerství.', 'Podle dokumentů přiložených k zákonu je partnerství v zájmu obou národů.', 'Článek 4 ukládá stranám vzájemnou pomoc.', 'Ministři se dohodli na dalších krocích a dohodu s KLDR pak ratifikoval ruský parlament.', 'Dokument nemá časové omezení.'],
    [/smlouvu/, /dohodu s KLDR/, /^Dokument$/],
    /dokumentů|dohodli/,
  ],
];

describe('a word that only shares a stem with a treaty or document word is not the treaty', () => {
  it.each(lookLikeTreatyWords)('%s — %s', (_lang, _what, page, want, not) => {
    expectFoundNot(page, want, not);
  });
});

/**
 * Treaties "with third parties" written without "countries" ("tratados com terceiros", "acuerdos con terceros",
 * "accordi con terzi", "traités avec des tiers"): the treaty forbids such agreements, they are not it. [language, page, the treaty's
 * mention, what must not be underlined].
 */
const withThirdParties: [string, string[], RegExp, RegExp][] = [
  ['pt', ['A Coreia do Norte ratificou o tratado de parceria estratégica abrangente com a Rússia, assinado em Pyongyang em 19 de junho de 2024.', 'O artigo 4 prevê assistência militar mútua.', 'As partes também se comprometem a não celebrar tratados com terceiros que ameacem a outra.'], /tratado de parceria/, /^tratados$/],
  ['es', ['Corea del Norte ratificó el tratado de asociación estratégica integral con Rusia, firmado en Pyongyang el 19 de junio de 2024.', 'El artículo 4 prevé asistencia militar mutua.', 'Las partes se comprometen además a no firmar tratados con terceros contra la otra.'], /tratado de asociación/, /^tratados$/],
  ['it', ['La Corea del Nord ha ratificato il trattato di partenariato strategico globale con la Russia, firmato a Pyongyang il 19 giugno 2024.', "L'articolo 4 prevede assistenza militare reciproca.", "Le parti si impegnano inoltre a non firmare accordi con terzi contro l'altra."], /trattato di partenariato/, /^accordi$/],
  ['fr', ['La Corée du Nord a ratifié le traité de partenariat stratégique global avec la Russie, signé à Pyongyang le 19 juin 2024.', "L'article 4 prévoit une assistance militaire mutuelle.", "Les parties s'engagent aussi à ne pas signer de traités avec des tiers dirigés contre l'autre."], /traité de partenariat/, /^traités$/],
];

describe('treaties "with third parties" are not the treaty', () => {
  it.each(withThirdParties)('%s', (_lang, page, want, not) => {
    expectFoundNot(page, want, not);
  });
});

/**
 * "A new level of strategic partnership", "the development of the comprehensive strategic partnership": the
 * relationship, not the treaty of that name, on a page about the treaty or about a minister's visit. [language,
 * what, page, the treaty's mention that must be underlined (none on a silent page), what must not be].
 */
const partnershipAsRelationship: [string, string, string[], RegExp | RegExp[], RegExp][] = [
  ['it', 'a new level of partnership', ["Russia e Corea del Nord si sono scambiate a Mosca gli strumenti di ratifica del trattato di partenariato strategico globale.", "L'articolo 4 prevede assistenza militare reciproca.", "Secondo Pyongyang l'intesa porterà i legami a un nuovo livello di partenariato strategico."], /trattato/, /^partenariato strategico$/],
  ['cs', 'the development of the partnership', ['Rusko a KLDR si vyměnily ratifikační listiny smlouvy o komplexním strategickém partnerství.', 'Článek 4 stanoví vzájemnou vojenskou pomoc.', 'Podle Kremlu je rozvoj komplexního strategického partnerství mezi Ruskem a KLDR v zájmu obou národů.'], /smlouvy/, /komplexního strategického partnerství/],
  ['en', 'a new level of partnership', ['Russia and North Korea exchanged the instruments of ratification of the Treaty on Comprehensive Strategic Partnership.', 'Its Article 4 provides for mutual military assistance.', 'Pyongyang said ties would rise to a new level of strategic partnership.'], /Treaty on Comprehensive Strategic Partnership/, /^strategic partnership$/],
  ['uk', 'a visit: the development of the partnership', ['Шойгу знову прибув до Пхеньяна і зустрівся з Кім Чен Ином.', 'Сторони обговорили розвиток всебічного стратегічного партнерства між КНДР та Росією і відновлення Курської області.'], [], /партнерства/],
];

describe('a partnership as the level or development of relations is not the treaty', () => {
  it.each(partnershipAsRelationship)('%s — %s', (_lang, _what, page, want, not) => {
    expectFoundNot(page, want, not);
  });
});

describe('Russian: the full name with its adjectives swapped, on a page that also recalls the 1961 treaty', () => {
  // A conference report with no year of the treaty's time: it names the treaty "о стратегическом всеобъемлющем
  // партнёрстве" (the words swapped) and in the same breath the Soviet-era treaty it continues.
  const page = [
    'Эксперты обсудили договор между Россией и КНДР о всеобъемлющем партнёрстве',
    'Докладчик назвал Договор о стратегическом всеобъемлющем партнёрстве между Россией и КНДР наследником соглашений между Советским Союзом и КНДР, прежде всего договора 1961 года.',
    'По его словам, новый договор продолжает прежнюю линию.',
  ];
  it('reads the name in either word order as the name (and a cue of the treaty for the page)', () => {
    const swapped = matcher.findInDocument(page).map(({ mention }) => mention).find((m) => /стратегическом всеобъемлющем/.test(m.text));
    expect(swapped?.kind).toBe('name');
    expect(matcher.explainDocument(page).cues).toBeGreaterThan(0);
  });
  it('stays silent on a page about the 1961 treaty alone', () => {
    expect(found(['Договор о дружбе между СССР и КНДР подписали в 1961 году.', 'Этот договор действовал до 1996 года.'])).toEqual([]);
  });
});

describe('Japanese: an article number without 第 ("4条で", "8条では") on a page about the treaty', () => {
  // Japanese news often drops 第 before an article number; on a page about the treaty these are its articles.
  const page = [
    'ロシアと北朝鮮の包括的戦略パートナーシップ条約は2024年6月19日に平壌で署名された。',
    '一方が攻撃された場合の軍事援助は4条で定められている。',
    'また8条は防衛能力の強化に向けた共同措置をうたう。',
  ];
  it('underlines them', () => {
    const texts = found(page);
    for (const want of [/^4条$/, /^8条$/]) expect(texts.some((t) => want.test(t)), `underlined: ${JSON.stringify(texts)}`).toBe(true);
  });
  it('not in "3条件" or inside a longer number ("23条")', () => {
    const texts = found([...page, '交渉には3条件がある。', '同条約は全23条からなる。']);
    expect(texts.some((t) => /条件|23条/.test(t)), `underlined: ${JSON.stringify(texts)}`).toBe(false);
  });
});

describe('Korean, Japanese, Chinese: "this clause" (이 조항, この条項, 该条款) points back to the treaty on a page about it', () => {
  // Like English "this clause": a long piece that quotes the treaty's defence article and then discusses "the
  // clause". A bare clause word stays out (it is as often the UN Charter's or another law's).
  it.each([
    ['ko', ['북러 조약은 2024년 6월 19일 평양에서 체결됐다.', '한쪽이 침공을 받으면 다른 쪽이 지체 없이 군사 원조를 제공한다. 이 조항은 자동 개입으로 읽힌다.'], /이 조항/],
    ['ja', ['ロ朝条約は2024年6月19日に平壌で署名された。', '一方が攻撃されれば他方が直ちに軍事援助を行う。この条項は自動介入と読める。'], /この条項/],
    ['zh', ['俄朝全面战略伙伴关系条约于2024年6月19日在平壤签署。', '一方遭到攻击时另一方应立即提供军事援助。该条款被视为自动介入。'], /该条款/],
  ] as [string, string[], RegExp][])('%s', (_lang, page, want) => {
    const texts = found(page);
    expect(texts.some((t) => want.test(t)), `underlined: ${JSON.stringify(texts)}`).toBe(true);
  });
  it('stays silent on a clause of a wage contract', () => {
    expect(found(['노사 협상에서 이 조항이 쟁점이 됐다.'])).toEqual([]);
    expect(found(['労使交渉ではこの条項が争点になった。'])).toEqual([]);
    expect(found(['劳资谈判中该条款成为焦点。'])).toEqual([]);
  });
});
