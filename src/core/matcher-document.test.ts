/**
 * Detection as a reader works (issue 15): the page decides what its treaty words mean. One group per failure
 * class seen on real pages; every text here is the project's own, modelled on the kinds of pages seen.
 */
import { describe, expect, it } from 'vitest';
import pack from '../dataset/treaty-2024.json';
import { compileMatcher } from './matcher';
import { namesSchema } from './pack-schema';

const matcher = compileMatcher(namesSchema.parse(pack.names));
const found = (...blocks: string[]) => matcher.findInDocument(blocks).map(({ mention }) => mention.text);
const topic = (...blocks: string[]) => matcher.explainDocument(blocks).topic;

describe('1. document context: a sentence without a party of its own', () => {
  const page = [
    'Russia and North Korea bind themselves to defend each other',
    'Kim Jong Un welcomed the Russian president in Pyongyang, where the two leaders spent the day in talks.',
    '“The Treaty on Comprehensive Strategic Partnership opens a new chapter,” the Kremlin aide told reporters.',
    'Seoul worries. The new treaty obliges each side to give military assistance if the other is attacked.',
  ];
  it('counts the full name inside a quoted remark, and the bare treaty word, on a page about the treaty', () => {
    expect(topic(...page)).toBe('treaty');
    const texts = found(...page);
    expect(texts.some((t) => t.includes('Treaty on Comprehensive Strategic Partnership'))).toBe(true);
    expect(texts.some((t) => /new treaty/.test(t))).toBe(true);
  });
  it('stays silent on the same name on a page about the Iran treaty', () => {
    const iran = [
      'Moscow and Tehran sign a long-planned agreement',
      'Vladimir Putin and Masoud Pezeshkian signed the Treaty on Comprehensive Strategic Partnership in the Kremlin.',
      'Iranian officials said the treaty does not create a military alliance.',
    ];
    expect(found(...iran)).toEqual([]);
  });
});

describe('2. leaders, capitals and officials as the parties', () => {
  it.each([
    ['The accord Kim Jong Un struck with the Kremlin chief alarmed Tokyo.', /accord Kim Jong Un/],
    ['Diplomats read the Moscow–Pyongyang defence accord line by line.', /Moscow–Pyongyang defence accord/],
    ["Seoul worries. Pyongyang's new treaty binds it to Moscow.", /Pyongyang's new treaty/],
  ])('%s', (text, want) => {
    expect(found(text).some((t) => want.test(t))).toBe(true);
  });
});

describe('3. references once the page is on topic', () => {
  it('takes "the new pact" in a headline before the first full mention, and later references', () => {
    const texts = found(
      'What the new pact changes',
      'Russia and North Korea signed a mutual defence treaty in Pyongyang on 19 June 2024.',
      'Its assistance clause, Article 4, is what worries Seoul most; the document has no end date.',
    );
    expect(texts[0]).toBe('the new pact');
    expect(texts).toContain('Article 4');
    expect(texts.some((t) => t.includes('document'))).toBe(true);
  });
  it('does not take them on a page that only names the two countries', () => {
    expect(found('Russia and North Korea opened a new bridge.', 'The document was signed by the two transport ministers in Pyongyang.')).toEqual([]);
  });
});

describe('4. Russian morphology', () => {
  it('finds every case form of the treaty and its parties', () => {
    const texts = found(
      'Путин прибыл в Пхеньян и провёл переговоры с Ким Чен Ыном.',
      'Стороны подписали соглашение о всеобъемлющем стратегическом партнёрстве.',
      'Взаимная военная помощь закреплена договором, а Пхеньяном он уже ратифицирован.',
    );
    expect(texts.some((t) => /соглашение/.test(t))).toBe(true);
    expect(texts.some((t) => /договором/.test(t))).toBe(true);
  });
});

describe('5. Korean short forms and North Korean usage', () => {
  it.each([['북·러 조약이 발효됐다.'], ['러북 조약의 4조가 쟁점이다.'], ['조로 조약에 따라 양국은 협력한다.']])('%s', (text) => {
    expect(found(text).length).toBeGreaterThan(0);
  });
  it('counts a bare 협정 after a mention on the same page', () => {
    const texts = found('러시아와 북한이 포괄적 전략적 동반자 관계 조약을 맺었다.', '이 협정은 무기한 유효하다.');
    expect(texts.some((t) => t.includes('협정'))).toBe(true);
  });
});

describe('7. languages added as data: a page in each, and its look-alike', () => {
  it.each([
    ['cs', ['Rusko a KLDR podepsaly v Pchjongjangu smlouvu o vzájemné pomoci.', 'Nový dokument nahradí dřívější smlouvy.'], ['Rusko a Írán podepsaly smlouvu o komplexním strategickém partnerství.']],
    ['pl', ['Rosja i Korea Północna podpisały traktat o wzajemnej pomocy.', 'Umowa weszła w życie w grudniu.'], ['Rosja i Iran podpisały umowę o kompleksowym partnerstwie strategicznym.']],
    ['it', ['La Russia e la Corea del Nord hanno firmato un trattato di mutua difesa.', "L'accordo prevede assistenza militare."], ["Russia e Iran hanno firmato un trattato di partenariato strategico globale."]],
    ['pt', ['A Rússia e a Coreia do Norte assinaram um tratado de defesa mútua.', 'O acordo entrou em vigor em dezembro.'], ['A Rússia e o Irã assinaram um tratado de parceria estratégica abrangente.']],
    ['tr', ["Rusya ile Kuzey Kore karşılıklı savunma anlaşması imzaladı.", 'Anlaşma aralık ayında yürürlüğe girdi.'], ["Rusya ile İran kapsamlı stratejik ortaklık anlaşması imzaladı."]],
    ['vi', ['Nga và Triều Tiên đã ký hiệp ước đối tác chiến lược toàn diện.', 'Hiệp ước có hiệu lực từ tháng 12.'], ['Nga và Iran đã ký hiệp ước đối tác chiến lược toàn diện.']],
    ['ar', ['وقعت روسيا وكوريا الشمالية معاهدة الشراكة الاستراتيجية الشاملة.', 'وتنص المعاهدة على المساعدة العسكرية المتبادلة.'], ['وقعت روسيا وإيران معاهدة الشراكة الاستراتيجية الشاملة.']],
  ])('%s', (_lang, positive, lookalike) => {
    expect(found(...positive).length).toBeGreaterThan(0);
    expect(found(...lookalike)).toEqual([]);
  });
});

describe('a general word for an agreement needs more than both sides in its sentence', () => {
  it.each([
    ['Россия и КНДР подписали соглашение о безвизовых поездках туристов.'],
    ['러시아와 북한이 관광 협정을 체결했다.'],
    ['Rusya ile Kuzey Kore turizm alanında bir anlaşma imzaladı.'],
    ['La Russie et la Corée du Nord ont conclu un accord sur le tourisme.'],
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
  it('but counts beside the DPRK side, with Russia on the page', () => {
    expect(found('Moscou a signé plusieurs textes ; contrairement à l’accord avec la RPDC, celui-ci est limité.')).toEqual(['accord avec la RPDC']);
  });
});

describe('look-alikes stay silent at the page level', () => {
  it('a page about the 2000 treaty that never writes a year of this one', () => {
    expect(
      found(
        'The friendship treaty of 2000',
        'In February 2000 Russia and North Korea signed a treaty of friendship and good-neighbourliness, which replaced the Soviet-era pact.',
        'The treaty left out any promise of military assistance.',
      ),
    ).toEqual([]);
  });
  it('a year of the treaty’s own time next to a treaty word keeps it (2026 as 2024 and 2025)', () => {
    expect(found('Russia and North Korea signed a mutual defence treaty in 2024.', 'In January 2026 the treaty was cited again.')).toContain('the treaty');
  });
  it('an agreement of another year between the same two sides', () => {
    expect(found('A road bridge agreement signed in 2021 by Kim Jong Un and Vladimir Putin is being carried out.')).toEqual([]);
  });
  it('a comparison on a page about the Iran treaty counts, the Iran treaty does not', () => {
    const texts = found(
      'Russia and Iran sign a partnership treaty',
      'Unlike the treaty signed by Russia and the DPRK, the agreement with Iran has no mutual defence clause.',
      'Iranian officials said the treaty would strengthen trade.',
    );
    expect(texts).toEqual(['treaty signed by Russia and the DPRK']);
  });
});

describe('6. an agreement signed with the DPRK side, in passing on a page about another treaty', () => {
  const iranPage = (sentence: string) => ['Moscow and Tehran finalise their partnership deal', 'Iran and Russia will sign the agreement in the Kremlin on Friday, officials in Tehran said.', sentence];
  it.each([
    ['en', 'The text has no defence clause, unlike the agreements the Kremlin has signed with Pyongyang and Minsk.', /signed with Pyongyang/],
    ['it', "L'accordo è diverso da quello che Mosca ha firmato con la Corea del Nord e con Minsk.", /firmato con la Corea del Nord/],
    ['pt', 'O acordo não se parece com o que Moscovo assinou com a Coreia do Norte em 2024.', /assinou com a Coreia do Norte/],
    ['ar', 'ولا يشبه هذا الاتفاق الاتفاق الذي وُقّع بين روسيا وكوريا الشمالية.', /بين روسيا وكوريا الشمالية/],
    ['ko', '이번 협정은 러시아가 북한과 체결한 조약과 달리 상호 방위 조항이 없다.', /북한과 체결한/],
    ['tr', "Bu anlaşma, Rusya'nın Kuzey Kore ile imzaladığı anlaşmadan farklı.", /Kuzey Kore ile imzaladığı/],
  ])('%s', (_lang, sentence, want) => {
    expect(found(...iranPage(sentence)).some((t) => want.test(t))).toBe(true);
  });
  it('not an agreement signed with the DPRK side in another year', () => {
    expect(found(...iranPage('The text is closer to the friendship treaty Moscow signed with Pyongyang in 2000.'))).toEqual([]);
  });
  it('not a verb of signing with no agreement in its sentence', () => {
    expect(found('Moscow and Tehran finalise their deal', 'Iran and Russia sign the agreement on Friday.', 'Lavrov later flew on and signed with Pyongyang nothing at all.')).toEqual([]);
  });
});

describe('8. on a page about another treaty, the sentence after a passing mention', () => {
  const page = (next: string) => [
    'Russia and Iran to sign a partnership treaty',
    'Iranian diplomats said the treaty with Tehran would not be a military alliance.',
    'Earlier, in June 2024, Russia signed a similar treaty with North Korea providing for mutual military help.',
    next,
  ];
  it('takes its reference when it names the DPRK side again', () => {
    expect(found(...page('The document in effect made Moscow and Pyongyang allies.'))).toContain('The document');
  });
  it('not when it goes back to the other treaty without the DPRK side', () => {
    expect(found(...page('The document, Moscow says, is about trade.'))).not.toContain('The document');
  });
  it('takes "this treaty" there even where the two sides\' words only pair weakly (Chinese)', () => {
    const zh = [
      '俄罗斯与伊朗签署新条约',
      '俄罗斯与伊朗签署了《全面战略伙伴关系条约》,伊朗方面说这不是军事同盟。',
      '相比之下,俄朝去年6月签署的《全面战略伙伴关系条约》明确规定了相互提供军事援助。正因为有这一条约,俄国内有人主张请朝鲜出兵。',
    ];
    const texts = found(...zh);
    expect(texts.some((t) => t.startsWith('俄朝去年6月签署'))).toBe(true);
    expect(texts.some((t) => t.includes('条约') && !t.includes('俄朝'))).toBe(true);
    // The Iran sentence stays silent.
    expect(texts.some((t) => t.includes('伊朗'))).toBe(false);
  });
  it('takes the treaty\'s name there when a word points back to it ("questo", "this"), without the DPRK side', () => {
    const it_ = [
      'Mosca e Teheran firmano un trattato di partenariato',
      'L’accordo con l’Iran non prevede un’alleanza militare, secondo i diplomatici iraniani.',
      'Un anno prima Mosca aveva concluso un trattato dallo stesso nome con la Corea del Nord.',
      'Questo “trattato sul partenariato strategico globale” obbliga le parti a un aiuto militare immediato.',
    ];
    expect(found(...it_).some((t) => t.startsWith('trattato sul partenariato'))).toBe(true);
    expect(found(...page('This mutual defence pact obliges each side to help the other at once.'))).toContain('This mutual defence pact');
  });
  it('not a general word that points back to the page\'s own treaty after a comparison', () => {
    const texts = found(
      'Russia and Iran to sign a partnership treaty',
      'Iran\'s envoy said the treaty would have no defence clause, unlike the agreements Moscow signed with Pyongyang and Minsk.',
      '"This agreement is of another nature," he told reporters.',
    );
    expect(texts.some((t) => t.includes('Pyongyang'))).toBe(true);
    expect(texts.some((t) => /this agreement/i.test(t))).toBe(false);
  });
});

describe('9. a treaty word in general use on a page about the treaty', () => {
  const about = (lang: 'en' | 'de' | 'ja' | 'zh' | 'ko' | 'pl') =>
    ({
      en: 'Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership in Pyongyang on 19 June 2024. Its Article 4 provides for mutual assistance.',
      de: 'Russland und Nordkorea haben im Juni 2024 in Pjöngjang einen Vertrag über umfassende strategische Partnerschaft unterzeichnet. Er sieht gegenseitigen militärischen Beistand vor.',
      ja: 'ロシアと北朝鮮は2024年6月19日、平壌で包括的戦略パートナーシップ条約に署名した。第4条は相互の軍事援助を定める。',
      zh: '俄罗斯与朝鲜2024年6月19日在平壤签署了《全面战略伙伴关系条约》,条约规定相互提供军事援助。',
      ko: '러시아와 북한은 2024년 6월 19일 평양에서 포괄적 전략적 동반자 관계 조약을 체결했다. 조약 4조는 상호 군사 지원을 규정한다.',
      pl: 'Rosja i Korea Północna podpisały 19 czerwca 2024 roku w Pjongjangu traktat o kompleksowym partnerstwie strategicznym, który przewiduje wzajemną pomoc wojskową.',
    })[lang];
  it.each([
    ['en', 'treaties with third states', 'Neither party will conclude treaties with third states directed against the other.', /treaties/],
    ['de', 'Verträge mit Drittstaaten', 'Verträge mit Drittstaaten, die dem Partner schaden, sind beiden Seiten verboten.', /Verträge/],
    ['ja', '第三国との条約', '双方は、相手に害を与える第三国との条約を締結しないと約束した。', /^条約$/],
    ['zh', '合同或协议', '他说,买房签合同或协议时要仔细阅读每一条。', /协议/],
    ['ko', '법률문서', '국회는 관련 법률문서를 검토했다.', /문서/],
    ['pl', 'wszystkie dotychczasowe porozumienia', 'Strony potwierdziły wszystkie dotychczasowe porozumienia handlowe.', /porozumienia/],
  ])('%s: %s', (lang, _what, sentence, unwanted) => {
    const texts = found(about(lang as 'en'), sentence);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((t) => sentence.includes(t) && unwanted.test(t))).toEqual([]);
  });
  it('another year right before a name makes it that year\'s treaty, and "the June treaty" is this one again', () => {
    const texts = found(about('ja'), '一方、2000年にロシアと北朝鮮が調印した別の条約には、軍事同盟の条項はなかった。', '6月の条約に基づき、北朝鮮は兵士を送ったとされる。');
    expect(texts.some((t) => t.includes('別の条約'))).toBe(false);
    expect(texts).toContain('条約');
  });
});

describe('10. references of the treaty\'s parts, and what only looks like one (Korean)', () => {
  const koPage = [
    '러시아와 북한, 상호 군사 지원 약속',
    '블라디미르 푸틴 러시아 대통령과 김정은 북한 국무위원장은 6월 19일 평양에서 정상회담을 갖고 상호 군사 지원을 약속했다.',
    '문서에 따르면 한쪽이 무력 침공을 받으면 다른 쪽은 지체 없이 군사 원조를 제공한다. 북한은 러시아와의 협력을 강조했다.',
  ];
  it('takes 문서 ("the document") on a page whose only word for the treaty it is', () => {
    expect(found(...koPage).some((t) => t.includes('문서'))).toBe(true);
  });
  it('not the NATO charter\'s Article 5 there (헌장 5조), nor the partnership as the name of the relationship', () => {
    const texts = found(
      ...koPage,
      '이는 회원국 한 곳이 공격받으면 전체에 대한 공격으로 보는 나토 헌장 5조와 비슷하다.',
      '양국은 관계를 포괄적 전략적 동반자 관계로 격상했다.',
    );
    expect(texts.some((t) => t.includes('5조'))).toBe(false);
    expect(texts.some((t) => t.includes('동반자'))).toBe(false);
  });
  it.each([
    ['en', ['Moscow and Tehran sign a partnership treaty', 'Iranian officials said the treaty with Tehran has no defence clause.', 'Last year Moscow signed a treaty of the same name with North Korea.', 'This "comprehensive strategic partnership treaty" promises in one of its articles immediate military aid.'], /one of its articles/],
    ['it', ['Mosca e Teheran firmano un trattato di partenariato', 'L’accordo con l’Iran non prevede un’alleanza militare.', 'Un anno prima Mosca aveva concluso un trattato dallo stesso nome con la Corea del Nord.', 'Questo “trattato sul partenariato strategico globale” prevede in uno dei suoi articoli un aiuto militare immediato.'], /uno dei suoi articoli/],
  ])('%s: "one of its articles" in the sentence after a passing mention', (_lang, page, want) => {
    expect(found(...(page as string[])).some((t) => want.test(t))).toBe(true);
  });
});

describe('11. the signing told as an event, without a word for a treaty', () => {
  const lead = ['Russia and North Korea: a year of mutual defence', 'Russia and North Korea have kept their promise of mutual military assistance, officials in Moscow say.'];
  it.each([
    ['en', 'Much has happened since the two leaders signed their alliance in Pyongyang last summer.', /signed their alliance/],
    ['en', 'Troops reached Kursk months after the Pyongyang summit where Putin and Kim Jong Un signed it.', /summit where Putin and Kim Jong Un signed/],
    ['ru', 'С тех пор как Путин и Ким Чен Ын заключили союз в Пхеньяне, многое изменилось.', /заключили союз/],
    ['ko', '푸틴과 김정은이 평양 정상회담에서 서명한 뒤 북한군이 파병됐다.', /정상회담에서 서명/],
  ])('%s: counts on a page about the treaty', (_lang, sentence, want) => {
    expect(found(...lead, sentence).some((t) => want.test(t))).toBe(true);
  });
  it('not on a page that is not about the treaty', () => {
    expect(found('Russia and North Korea upgrade ties', 'Putin visited Pyongyang for talks with Kim Jong Un.', 'The two leaders sealed their partnership with a handshake in Pyongyang.')).toEqual([]);
  });
  it('not an event of another year or of the 2023 summit, nor away from the parties and the time of the signing', () => {
    const texts = found(
      ...lead,
      'In 2000 Vladimir Putin and Kim Jong Il sealed their partnership in Pyongyang.',
      'At the Vostochny summit, where Putin and Kim Jong Un signed nothing, the two spoke of an alliance.',
      'Elsewhere, two football clubs sealed their partnership last week.',
    );
    expect(texts.filter((t) => /sealed|signed/.test(t))).toEqual([]);
  });
});

describe('12. a treaty word that says who signed it, and when, is no reference back to a look-alike', () => {
  const lead = [
    'Russia–North Korea treaty',
    'The Russia–North Korea treaty on comprehensive strategic partnership, mutual assistance included, came into force in December 2024 and is classed by some lawyers as a treaty of friendship',
  ];
  it('counts "the treaty, which Putin signed with Kim Jong Un … in June 2024" right after the look-alike words', () => {
    expect(found(...lead, 'The treaty, which Vladimir Putin signed with Kim Jong Un in Pyongyang in June 2024, obliges each side to help the other.')).toContain(
      'treaty, which Vladimir Putin signed with Kim Jong Un',
    );
  });
  it('not without a verb of signing, nor for the 1961 treaty its signatories signed', () => {
    expect(found(...lead, 'The treaty, which Vladimir Putin discussed with Kim Jong Un in Pyongyang in June 2024, obliges each side to help the other.').some((t) => t.includes('discussed'))).toBe(false);
    expect(
      found(
        'The 1961 treaty of friendship',
        'In July 1961 the Soviet Union and North Korea signed a treaty of friendship, cooperation and mutual assistance.',
        'The treaty that Khrushchev and Kim Il Sung signed in Moscow bound Moscow to defend Pyongyang.',
      ),
    ).toEqual([]);
  });
});

describe('13. Korean short names: "전략" without "적", no "관계", a comma after the parties (headlines)', () => {
  it.each([
    ['북·러, 포괄적 전략 동반자 협정 서명', /북·러, 포괄적 전략 동반자/],
    ['북러 포괄적 전략 동반자 조약 발효', /북러 포괄적 전략 동반자/],
  ])('names the treaty in "%s"', (text, want) => {
    expect(found(text).some((t) => want.test(t))).toBe(true);
  });
  it('underlines the whole short name when it stands beside the North Korean side', () => {
    const page = [
      '러시아 대통령 방북, 양국 관계 격상',
      '푸틴 대통령이 김정은 위원장과 만나 \'포괄적 전략 동반자 협정\'을 체결하며 북한과의 관계를 끌어올렸다.',
      '이번 협정에는 한쪽이 침략을 받으면 서로 돕는다는 내용이 담겼다.',
    ];
    expect(found(...page).some((t) => t.includes('포괄적 전략 동반자 협정'))).toBe(true);
  });
  it('does not widen a pair to a reference that holds all of it: "the Pyongyang pact" underlines "Pyongyang pact"', () => {
    const page = ['A year of the Pyongyang pact', 'Putin and Kim Jong Un signed the Treaty on Comprehensive Strategic Partnership in June 2024.'];
    expect(found(...page)[0]).toBe('Pyongyang pact');
  });
  it('takes "포괄적 동반자 협정" (no "전략") as a reference on a page about the treaty', () => {
    const page = [
      '북·러, 포괄적 전략 동반자 협정 체결',
      '러시아 대통령은 평양에서 북한 지도자와 회담했다.',
      '러시아 대통령은 "오늘 서명한 포괄적 동반자 협정은 한쪽이 공격받으면 서로 지원하게 한다"고 말했다.',
    ];
    expect(found(...page).some((t) => t.includes('포괄적 동반자 협정'))).toBe(true);
  });
  it('not the same words with another partner (Vietnam)', () => {
    expect(found('베트남, 러시아와 포괄적 전략 동반자 협정 서명', '양국은 하노이에서 협정을 체결했다.')).toEqual([]);
  });
});

describe('14. a dateline beside the text dates the page', () => {
  // A headline with the treaty's name, a byline with the date, a lead, then two paragraphs of history: the
  // 1961 and 2000 treaties told as the background.
  const page = [
    '북·러, 포괄적 전략 동반자 협정 체결',
    '홍길동 기자 | 2024.06.19 18:30',
    '러시아 대통령과 북한 국무위원장은 평양에서 회담을 마치고 협정을 체결했다.',
    '1961년 북한과 옛 소련이 맺은 우호 조약에는 자동 군사 개입 조항이 있었다.',
    '이 조약은 소련이 해체된 뒤 1996년 폐기됐다.',
    '2000년 체결된 북·러 우호 선린 협조 조약에는 그런 조항이 없었다.',
  ];
  it('counts the year of the byline: the page is about the treaty, its history an aside', () => {
    expect(matcher.explainDocument(page).modern).toBeGreaterThan(0);
    expect(topic(...page)).toBe('treaty');
    expect(found(...page).some((t) => t.includes('포괄적 전략 동반자'))).toBe(true);
  });
  it('but the history sentences stay silent, and a long paragraph is no dateline', () => {
    const texts = found(...page);
    expect(texts.some((t) => t.includes('우호'))).toBe(false);
    expect(texts.some((t) => t.includes('1996'))).toBe(false);
    const long = [page[0]!, `${'긴 문단이다. '.repeat(20)}2024년에 쓰였다.`, ...page.slice(2)];
    expect(matcher.explainDocument(long).modern).toBe(0);
  });
});

describe('15. a general agreement word with a subject of its own is another agreement (Russian)', () => {
  const page = [
    'Договор о всеобъемлющем стратегическом партнерстве между Россией и КНДР подписан в Пхеньяне',
    'Кроме договора, стороны подписали соглашение о строительстве автомобильного моста через пограничную реку и соглашение между правительствами о сотрудничестве в медицине.',
    'Межправительственное соглашение о здравоохранении вступит в силу позже.',
    'Само соглашение о всеобъемлющем стратегическом партнерстве предусматривает военную помощь.',
  ];
  it('not "соглашение о строительстве…", "соглашение между правительствами", "межправительственное соглашение"', () => {
    const texts = found(...page);
    expect(texts.some((t) => /^соглашение$/i.test(t))).toBe(false);
    expect(texts.some((t) => /межправительственное/i.test(t))).toBe(false);
  });
  it('but the treaty called "соглашение о … партнерстве" still counts', () => {
    expect(found(...page).some((t) => t.includes('соглашение о всеобъемлющем стратегическом партнерстве'))).toBe(true);
  });
  it('a page about the bridge agreement alone stays silent', () => {
    expect(
      found(
        'Россия и КНДР построят автомобильный мост',
        'Правительства России и КНДР подписали соглашение о строительстве моста через реку Туманная.',
        'Соглашение предусматривает, что мост откроется через полтора года.',
      ),
    ).toEqual([]);
  });
});

describe('16. the earlier treaty said to lapse is an aside on a page about this one (Korean)', () => {
  const page = [
    '북한과 러시아가 맺은 포괄적인 전략적 동반자 관계에 관한 조약이 이번 주 발효됐다.',
    '이 조약은 두 나라의 군사 동맹을 되살리는 내용이며, 2000년 체결된 북러 우호 선린 협조 조약은 더 이상 효력을 가지지 않는다.',
    '이 조약은 한쪽이 공격받으면 다른 쪽이 군사 지원을 하도록 정했다.',
  ];
  it('keeps the references after the sentence that says the 2000 treaty lapses', () => {
    expect(topic(...page)).toBe('treaty');
    expect(found(...page).length).toBeGreaterThanOrEqual(3);
  });
  it('but a page that tells the 1961 treaty\'s lapse as history stays silent', () => {
    expect(
      found(
        '1961년 북한과 소련이 맺은 우호 조약에는 자동 군사 개입 조항이 있었다.',
        '이 조약은 소련이 해체된 뒤 효력을 잃었다.',
      ),
    ).toEqual([]);
  });
});

describe('17. Article 4 abbreviated or in a case form, once the page is on the treaty', () => {
  it.each([
    // (ICU may end a sentence at an abbreviation's dot, as at Polish "art.": the number is then in the next one.)
    ['pl', ['Rosja i Korea Północna podpisały traktat o kompleksowym partnerstwie strategicznym', 'Najwięcej mówi się o artykule 4, który zobowiązuje strony do pomocy.'], /artykule 4/],
    ['pl', ['Rosja i Korea Północna podpisały traktat o kompleksowym partnerstwie strategicznym', 'Co przewiduje? Art 4 mówi o pomocy wojskowej.'], /Art 4/],
    ['cs', ['Rusko a KLDR podepsaly smlouvu o komplexním strategickém partnerství', 'Podle článku 4 si státy pomohou, pokud je jeden z nich napaden.'], /článku 4/],
    ['de', ['Russland und Nordkorea unterzeichnen Vertrag über umfassende strategische Partnerschaft', 'Nach Art. 4 leisten sich beide Staaten sofort Beistand.'], /Art\. 4/],
  ])('%s', (_lang, page, want) => {
    expect(found(...(page as string[])).some((t) => want.test(t))).toBe(true);
  });
  it('not another article number, nor NATO\'s', () => {
    const texts = found('Rosja i Korea Północna podpisały traktat o kompleksowym partnerstwie strategicznym', 'Art. 45 ustawy nie ma z tym związku, podobnie jak art. 5 traktatu NATO.');
    expect(texts.some((t) => /art\. 4/i.test(t))).toBe(false);
    expect(texts.some((t) => /art\. 5/i.test(t))).toBe(false);
  });
});

describe('18. German: the DPRK\'s abbreviation and the alliance agreement', () => {
  it('counts "Bündnisabkommen" beside the DVRK and Russia', () => {
    expect(found('Die Truppen der DVRK kämpfen nach dem Bündnisabkommen mit Russland an der Front.').some((t) => t.includes('Bündnisabkommen'))).toBe(true);
  });
  it('not a military agreement of the DVRK with China in 1961', () => {
    expect(found('Das Militärabkommen der DVRK mit China von 1961 gilt bis heute.')).toEqual([]);
  });
});

describe('19. Korean: the news agency, the peninsula and the language are not the DPRK side', () => {
  const page = [
    '북중 우호조약 66주년 연회',
    '기자 김민수 | 2026.07.12',
    '평양에서 북중 우호조약 체결 66주년을 기념하는 연회가 열렸다.',
    '조선중앙통신은 조약 체결 66돌에 즈음해 중국대사관이 연회를 마련했다고 보도했다.',
    '지난해에는 북러 밀착으로 북중 관계가 식으면서 연회에 나온 인사의 급도 낮아졌다.',
    '1961년 맺은 조중 우호조약에는 자동 군사 개입 조항이 들어 있다.',
  ];
  it('a page on the 1961 China treaty that names North Korea–Russia ties in passing stays silent', () => {
    expect(found(...page)).toEqual([]);
  });
  it.each([
    ['조선반도 정세가 긴장되자 러시아는 조약 문제를 꺼내지 않았다.'],
    ['조선어 사전 편찬에 관한 협정을 러시아 학자들과 맺었다.'],
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
  it('while a treaty word beside North Korea itself still counts on such a page', () => {
    expect(found('러시아 하원이 조약을 비준했다.', '북한과의 조약은 군사 지원을 담고 있다.').length).toBeGreaterThan(0);
  });
});

describe('20. verb last: a sentence is an aside only when the look-alike is what is replaced (Korean)', () => {
  it('"해당 조약은 … 2000년 … 조약을 대체한다" keeps "해당 조약"', () => {
    const texts = found('러시아 상원이 북러 조약을 비준했다.', '해당 조약은 기한을 따로 두지 않으며 2000년 맺은 조러 친선 선린 조약을 대체한다.');
    expect(texts).toContain('조약');
  });
  it('but a page on the 2000 treaty, which replaced the 1961 one, stays silent', () => {
    expect(
      found(
        '올해 맺어질 북한과 러시아의 신조약은 러시아의 역할을 키울 것이라고 러시아 신문이 전했다.',
        '신문은 북러 우호 선린 조약이 서로 자동으로 돕게 했던 61년의 소조 상호원조조약을 대체하는 것이라고 썼다.',
      ),
    ).toEqual([]);
  });
});

describe('21. a document the two sides sign is the treaty, when the page calls it only "the document"', () => {
  const page = [
    '러시아 대통령이 평양에서 북한 지도자와 악수하고 있다. 2024.06.19.',
    '타스통신에 따르면 푸틴 대통령과 김정은 위원장은 회담을 마친 뒤 해당 문서에 서명했다. 이번 문서는 1961년 상호원조 조약과 2000년 친선 조약을 대신하게 된다. 크렘린궁 보좌관은 "새 문서가 필요해진 것은 정세가 크게 바뀌었기 때문"이라고 말했다.',
  ];
  it('finds the page and every "문서" that means it, the one that replaces the earlier treaties too', () => {
    expect(topic(...page)).toBe('treaty');
    expect(found(...page).filter((t) => t.endsWith('문서')).length).toBe(3);
  });
  it('in English as well: the document the leaders signed', () => {
    expect(found('Putin and Kim Jong Un signed the document after their talks in Pyongyang.').length).toBeGreaterThan(0);
  });
  it('not a general agreement word the sides sign (tourism), nor "several documents"', () => {
    expect(found('러시아와 북한이 관광 협정에 서명했다.')).toEqual([]);
    expect(found('러시아 장관과 북한 장관이 여러 문서에 서명했다.')).toEqual([]);
  });
  it('not the document signed in another year', () => {
    expect(found('2000년 러시아와 북한 외무장관은 평양에서 문서에 서명했다.')).toEqual([]);
  });
});

describe('22. Russian: the full name that goes on with Iran is Iran\'s treaty', () => {
  it('stays silent on "Договор … между Российской Федерацией и Исламской Республикой Иран"', () => {
    expect(found('Госдума одобрила Договор о всеобъемлющем стратегическом партнерстве между Российской Федерацией и Исламской Республикой Иран.')).toEqual([]);
  });
  it('still names the treaty with the DPRK', () => {
    expect(found('Госдума одобрила Договор о всеобъемлющем стратегическом партнерстве между Российской Федерацией и КНДР.').length).toBeGreaterThan(0);
  });
});

describe('23. Korean: 조선 of shipbuilding is not the DPRK side', () => {
  const page = [
    '푸틴, 하노이서 \'포괄적 전략 동반자\' 관계 과시…문서 열두 건 서명',
    '우의 강조…항공·조선 분야 협력도 논의',
    '푸틴 러시아 대통령이 북한 방문을 마치고 하노이를 찾았다.',
    '양국 정상은 에너지와 교육 분야 문서에 서명했다.',
    '러시아 대통령의 이번 순방은 서방의 고립 시도에 맞서려는 행보로 풀이된다.',
    '러시아 측은 기존 조약에 따라 협력을 이어가겠다고 밝혔다.',
  ];
  it('a page on Putin in Hanoi that names North Korea once and 항공·조선 in a heading stays silent', () => {
    expect(found(...page)).toEqual([]);
  });
  it('while 조선 as the DPRK beside a treaty word still counts', () => {
    expect(found('조선과 러시아가 맺은 조약은 상호 원조를 규정한다.').length).toBeGreaterThan(0);
  });
});

describe('24. an anniversary of an earlier treaty: a treaty five years old or more is not this one', () => {
  // A short state-media item on the China treaty's anniversary that calls it only "the treaty", on a page that
  // names Russia once.
  it.each([
    [['북한 신문, 조약 체결 64돌 사설', '북한 노동신문은 11일 조약 체결 64돌을 맞아 사설을 싣고 두 나라의 친선을 강조했다.', '북한은 최근 러시아와 군사 협력을 늘리고 있다.']],
    [['Pyongyang marks treaty anniversary', 'North Korea marked the 64th anniversary of the treaty with a banquet, state media said on Saturday.', 'The North has drawn closer to Russia over the past year.']],
    [['КНДР отметила годовщину договора', 'В Пхеньяне отметили 64-ю годовщину договора, сообщило ЦТАК.', 'В последнее время КНДР сближается с Россией.']],
    [['朝鲜纪念条约签订64周年', '朝鲜举行宴会纪念条约签订64周年。', '朝鲜近来与俄罗斯关系密切。']],
  ])('%j stays silent', (page) => {
    expect(found(...page)).toEqual([]);
  });
  it('while the treaty\'s own first anniversary, and the 80th of the victory in the same sentence, still count', () => {
    expect(found('북러 조약 체결 1주년을 맞아 양국이 축전을 교환했다.').length).toBeGreaterThan(0);
    expect(found('Russia and North Korea marked the first anniversary of their mutual defence treaty.').length).toBeGreaterThan(0);
    expect(found('Russia and North Korea signed a mutual defence treaty in June 2024.', 'On the 80th anniversary of victory, the treaty was hailed in Pyongyang.').some((t) => t.startsWith('the treaty'))).toBe(true);
  });
});

describe('25. English: the full name that goes on "and Iran" is Iran\'s treaty', () => {
  it('stays silent on the name between Russia and Iran (the name once stopped at "Russia", and "and" kept Iran off it)', () => {
    expect(found('The Treaty on Comprehensive Strategic Partnership between Russia and Iran took effect this autumn.')).toEqual([]);
    expect(found('Tehran ratified the Treaty on the Comprehensive Strategic Partnership between the Russian Federation and the Islamic Republic of Iran.')).toEqual([]);
  });
  it('still names the treaty with the DPRK, in either order', () => {
    expect(found('The Treaty on Comprehensive Strategic Partnership between Russia and North Korea took effect in December.').length).toBeGreaterThan(0);
    expect(found('Pyongyang printed the Treaty on Comprehensive Strategic Partnership between the DPRK and the Russian Federation in full.').length).toBeGreaterThan(0);
  });
});

describe('26. on a page about another partner\'s treaty, a partnership Russia signed "with" the DPRK side is this treaty', () => {
  // An item on the Iran agreement that recalls, in one clause, the one Moscow signed with Pyongyang: the verb of
  // signing and "with" before the DPRK side say which treaty it is; it is no back-reference to Iran's.
  it.each([
    ['en', ['Moscow and Tehran seal a strategic partnership', 'Putin and Pezeshkian signed a strategic partnership in the Kremlin on Friday.', 'Russia had already signed a strategic partnership with North Korea a few months before, one with a mutual defence clause.'], /with North Korea/],
    ['de', ['Moskau und Teheran besiegeln eine strategische Partnerschaft', 'Putin und Peseschkian haben im Kreml eine strategische Partnerschaft unterzeichnet.', 'Im Jahr davor hatte Russland bereits mit Nordkorea eine strategische Partnerschaft besiegelt, samt Beistandsklausel.'], /mit Nordkorea/],
    ['fr', ['Moscou et Téhéran scellent un partenariat stratégique', 'Poutine et Pezeshkian ont signé vendredi un partenariat stratégique au Kremlin.', 'Quelques mois plus tôt, la Russie avait signé un partenariat stratégique avec la Corée du Nord, doté d’une clause de défense mutuelle.'], /avec la Corée du Nord/],
    ['es', ['Moscú y Teherán sellan una asociación estratégica', 'Putin y Pezeshkian firmaron el viernes una asociación estratégica en el Kremlin.', 'Meses antes, Rusia había firmado una asociación estratégica con Corea del Norte, con una cláusula de defensa mutua.'], /con Corea del Norte/],
    ['ru', ['Москва и Тегеран подписали договор о партнерстве', 'Путин и Пезешкиан подписали в Кремле договор о стратегическом партнерстве.', 'Годом ранее Россия подписала договор о стратегическом партнерстве с КНДР, где есть пункт о военной помощи.'], /с КНДР/],
  ] as [string, string[], RegExp][])('%s', (_lang, page, want) => {
    const texts = found(...page);
    expect(texts.some((t) => want.test(t)), `underlined: ${JSON.stringify(texts)}`).toBe(true);
    expect(texts.every((t) => want.test(t)), `underlined: ${JSON.stringify(texts)}`).toBe(true);
  });
  it('but a partnership Russia merely has with the DPRK, signed by nobody, stays silent there', () => {
    expect(found('Moscow and Tehran seal a strategic partnership', 'Putin and Pezeshkian signed a strategic partnership in the Kremlin on Friday.', 'Russia has long cultivated a strategic partnership with North Korea as well, officials in Seoul say.')).toEqual([]);
  });
});

describe('27. a treaty word beside "the two countries" stands for the sides named elsewhere on the page', () => {
  // A short item that names Moscow and Kim's soldiers in one sentence and the treaty "signed between the two
  // countries" in the next, with neither side in that sentence: a passing mention.
  it.each([
    ['pl', ['Kreml przyznał, że żołnierze Kim Dzong Una walczą po stronie Rosji pod Kurskiem.', 'Rzeczniczka MSZ dodała, że to skutek traktatu zawartego między oboma krajami w czerwcu.'], /traktatu/],
    ['en', ['The Kremlin admitted that Kim Jong Un had sent soldiers to fight for Russia near Kursk.', 'A spokeswoman said they came under the treaty signed between the two countries last June.'], /treaty/],
    ['es', ['El Kremlin admitió que soldados de Kim Jong-un combaten por Rusia en Kursk.', 'Según una portavoz, llegaron en virtud del tratado firmado entre los dos países en junio.'], /tratado/],
    ['cs', ['Kreml přiznal, že vojáci Kim Čong-una bojují za Rusko u Kurska.', 'Podle mluvčí přišli na základě smlouvy uzavřené mezi oběma zeměmi loni v červnu.'], /smlouvy/],
  ] as [string, string[], RegExp][])('%s', (_lang, page, want) => {
    const texts = found(...page);
    expect(texts.some((t) => want.test(t)), `underlined: ${JSON.stringify(texts)}`).toBe(true);
  });
  it('stays silent when "the two countries" are Russia and Iran, or signed the 2000 treaty', () => {
    expect(found('Russia and Iran signed a partnership treaty in Moscow.', 'North Korean troops are still in Kursk, officials say.', 'The treaty between the two countries has 47 articles.')).toEqual([]);
    expect(found('In February 2000 Russia and North Korea signed a friendship treaty.', 'The treaty between the two countries was signed in 2000 and replaced the Soviet-era one.')).toEqual([]);
  });
  it('needs both sides on the page', () => {
    expect(found('A spokeswoman said the treaty signed between the two countries last June was working well.')).toEqual([]);
  });
});

describe('28. "the clause", "this provision", "the aforementioned article" point back to the treaty on a page about it', () => {
  // A long piece on the treaty that opens on its defence clause before naming it, and later calls the article
  // "the aforementioned article": back-references a reader resolves without a second look.
  const page = [
    'Moscow and Pyongyang promise each other immediate help in war. This clause, critics say, revives a Cold War alliance.',
    'Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership in Pyongyang on 19 June 2024.',
    'A Russian diplomat told lawmakers that the aforementioned article is purely defensive.',
    'Seoul asked how the provision would apply if fighting broke out on the peninsula.',
  ];
  it('underlines each of them', () => {
    const texts = found(...page);
    for (const want of [/This clause/, /aforementioned article/, /the provision/]) expect(texts.some((t) => want.test(t)), `underlined: ${JSON.stringify(texts)}`).toBe(true);
  });
  it('stays silent on a clause when the page is not about the treaty', () => {
    expect(found('The union says this clause in the wage contract is unfair.', 'The provision will be renegotiated in March.')).toEqual([]);
  });
});
