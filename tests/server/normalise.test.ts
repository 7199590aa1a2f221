import { describe, expect, it } from 'vitest';
import { adoptedDate, parseDate } from '../../server/ingest/dates.js';
import { htmlToText, sanitizeBody, textToHtml } from '../../server/ingest/sanitize.js';

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024-03-05T08:00:00Z', '2024-03-05'],
    ['2024-03-05 08:00', '2024-03-05'],
  ])('%s → %s', (input, iso) => expect(parseDate(input)).toBe(iso));

  it.each(['2024-02-30', '2024-13-01', '三月五日', '', 'yesterday'])('rejects %s', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('adoptedDate', () => {
  it.each([
    // A decision a site posted years later says when it was adopted.
    ['《全国人民代表大会常务委员会关于修改〈中华人民共和国劳动合同法〉的决定》已由第十一届全国人民代表大会常务委员会第三十次会议于２０１２年１２月２８日通过，现予公布', '2012-12-28'],
    // A law's latest version is the one its last amendment made.
    ['（2015年3月15日第十二届全国人民代表大会第三次会议通过 根据2023年3月13日第十四届全国人民代表大会第一次会议《关于修改〈中华人民共和国立法法〉的决定》修正）', '2023-03-13'],
    ['（2014年1月17日中华人民共和国国务院令第646号公布 2024年7月10日中华人民共和国国务院令第786号修订）', '2024-07-10'],
    ['为贯彻落实2024年3月5日政府工作报告精神，现就有关事项通知如下', null],
  ])('%s → %s', (text, iso) => expect(adoptedDate(text)).toBe(iso));
});

describe('sanitiser', () => {
  it('removes scripts, handlers, styles and javascript: links but keeps structure', () => {
    const html = sanitizeBody(
      '<h2 onclick="x()">第一条</h2><p style="color:red">正文<script>alert(1)</script></p><a href="javascript:alert(1)">坏</a><a href="https://www.gov.cn/">好</a><iframe src="https://x"></iframe><table><tr><td colspan="2">表</td></tr></table>',
    );
    expect(html).not.toMatch(/script|onclick|style=|javascript:|iframe/);
    expect(html).toContain('<h2>第一条</h2>');
    expect(html).toContain('<a href="https://www.gov.cn/" rel="noopener noreferrer">好</a>');
    expect(html).toContain('<td colspan="2">表</td>');
  });

  it('derives plain text with one line per block and decoded entities', () => {
    expect(htmlToText('<h2>一、总则</h2><p>A &amp; B&nbsp;&lt;C&gt;</p><p>第二段<br>换行</p>')).toBe('一、总则\nA & B <C>\n第二段\n换行');
  });

  it('turns plain text into escaped paragraphs', () => {
    expect(textToHtml('第一段\n<b>第二段</b>\n\n')).toBe('<p>第一段</p><p>&#60;b&#62;第二段&#60;/b&#62;</p>');
  });
});
