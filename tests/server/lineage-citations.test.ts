import { describe, expect, it } from 'vitest';
import { extractCitations, statedCitation, titleKey } from '../../server/lineage/citations.js';
import { imagesIn, inferForm, inferSpeaker } from '../../server/lineage/interpretation-media.js';

const cite = (title: string, text: string, type = 'policy', docNo: string | null = null) =>
  extractCitations({ title, type, text, docNo }).map((c) => `${c.relation} ${c.refKind} ${c.text}`);

describe('citations of an interpretation', () => {
  it('takes the document its title names, and the 文号 its first lines give that document', () => {
    expect(
      cite(
        '《关于全面推行行政规范性文件合法性审核机制的实施意见》的政策解读',
        '2019年1月29日，省政府办公厅印发了《关于全面推行行政规范性文件合法性审核机制的实施意见》（冀政办字〔2019〕10号），以下简称《实施意见》），现解读如下。2018年12月4日，国务院办公厅印发了《关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号，以下简称《指导意见》）。',
        'interpretation',
      ),
    ).toEqual(['interprets title 关于全面推行行政规范性文件合法性审核机制的实施意见', 'interprets doc_no 冀政办字〔2019〕10号']);
  });

  it('reads 关于《X》的解读, 图解《X》 and a title that is the name plus 解读', () => {
    expect(cite('关于《河北省科技特派员管理办法》的政策解读', '', 'interpretation')).toEqual(['interprets title 河北省科技特派员管理办法']);
    expect(cite('图解《国务院办公厅关于加快众创空间发展服务实体经济转型升级的指导意见》', '', 'interpretation')).toEqual([
      'interprets title 国务院办公厅关于加快众创空间发展服务实体经济转型升级的指导意见',
    ]);
    expect(cite('河北省新型研发机构管理办法解读', '', 'interpretation')).toEqual(['interprets title 河北省新型研发机构管理办法']);
    // A mark without a document's name (an activity, a process) names nothing.
    expect(cite('一图读懂河北省科技领军企业认定及入库培育', '', 'interpretation')).toEqual([]);
  });

  it('takes the document the first lines introduce when the title names none', () => {
    expect(
      cite(
        '四部门实施支持科技创新专项担保计划',
        '科技日报讯 由财政部、科技部、工业和信息化部、金融监管总局制定的《支持科技创新专项担保计划》（以下简称《计划》）近日发布。',
        'interpretation',
      ),
    ).toEqual(['interprets title 支持科技创新专项担保计划']);
    expect(
      cite(
        '《河北省人民政府办公厅关于印发河北省政务服务大厅建设运行方案的通知》政策解读',
        '按照《国务院办公厅关于印发进一步深化“互联网+政务服务”推进政务服务“一网、一门、一次”改革实施方案的通知》(国办发〔2018〕45号)有关要求，研究制定了《河北省政务服务大厅建设运行方案》（以下简称《方案》）。',
        'interpretation',
      ),
    ).toEqual(['interprets title 河北省人民政府办公厅关于印发河北省政务服务大厅建设运行方案的通知']);
  });

  it('never takes the earlier version a revision replaced, nor a document its first lines merely recall', () => {
    expect(
      cite(
        '《河北省农业科技园区管理办法》解读',
        '一、修订背景 省科技厅修订了《河北省农业科技园区管理办法》（冀科农规〔2021〕1号），形成了新的《河北省农业科技园区管理办法》（以下简称《办法》）。',
        'interpretation',
      ),
    ).toEqual(['interprets title 河北省农业科技园区管理办法']);
    expect(
      cite(
        '河北省教育厅关于修订《河北省初中学业水平体育与健康科目考试方案》和《河北省初中学业水平考试方案》的通知',
        '为贯彻落实中共中央办公厅、国务院办公厅印发的《关于全面加强和改进新时代学校体育工作的意见》（中办发〔2020〕36号）……',
        'interpretation',
      ),
    ).toEqual([]);
  });
});

describe('citations of other documents', () => {
  it('根据/依据《X》 → based_on, with the 文号 in brackets after it; abbreviations are no titles', () => {
    expect(
      cite(
        '河北省中央引导地方科技发展资金管理办法',
        '根据《中华人民共和国预算法》及其实施条例、《中央引导地方科技发展资金管理办法》（财教〔2023〕276号）等有关规定，制定本办法。按照《通知》要求执行。',
      ),
    ).toEqual(['based_on title 中华人民共和国预算法', 'based_on title 中央引导地方科技发展资金管理办法', 'based_on doc_no 财教〔2023〕276号']);
  });

  it('现将《X》转发 and 转发《X》的通知 → forwards; what a notice publishes is itself', () => {
    expect(cite('关于转发《人力资源社会保障部关于做好2015年全国高校毕业生就业创业工作的通知》', '')).toEqual([
      'forwards title 人力资源社会保障部关于做好2015年全国高校毕业生就业创业工作的通知',
    ]);
    expect(cite('关于印发《河北省实验室建设工作指引》的通知', '现将《河北省实验室建设工作指引》印发给你们，请认真贯彻执行。')).toEqual([]);
    expect(cite('某某通知', '现将《国务院办公厅关于做好某项工作的通知》转发给你们。')).toEqual(['forwards title 国务院办公厅关于做好某项工作的通知']);
  });

  it('《X》实施细则 in the title → implements; 关于修改《X》的决定 → amends', () => {
    expect(cite('国务院办公厅印发《关于全面推进政务公开工作的意见》实施细则的通知', '')).toEqual(['implements title 关于全面推进政务公开工作的意见']);
    expect(cite('全国人民代表大会常务委员会关于修改《中华人民共和国劳动合同法》的决定', '')).toEqual(['amends title 中华人民共和国劳动合同法']);
  });

  it('废止《X》 and 《X》、《Y》同时废止 → repeals, each with its 文号', () => {
    expect(
      cite(
        '关于印发《河北省重点实验室建设与运行管理办法》的通知',
        '本办法自公布之日起施行，《河北省学科重点实验室建设与管理办法》（冀科平〔2018〕10号）、《河北省重点实验室绩效评估办法（试行）》（冀科平规〔2019〕1号）同时废止。',
      ),
    ).toEqual([
      'repeals title 河北省学科重点实验室建设与管理办法',
      'repeals doc_no 冀科平〔2018〕10号',
      'repeals title 河北省重点实验室绩效评估办法(试行)',
      'repeals doc_no 冀科平规〔2019〕1号',
    ]);
    expect(cite('人力资源社会保障部关于废止《社会保险登记管理暂行办法》的决定', '决定废止《社会保险登记管理暂行办法》（劳动和社会保障部令第1号）。')).toEqual([
      'repeals title 社会保险登记管理暂行办法',
      'repeals doc_no 劳动和社会保障部令第1号',
    ]);
  });

  it("leaves out the document's own title and 文号", () => {
    expect(cite('河北省科学技术奖励办法', '依据《河北省科学技术奖励办法》（省政府令〔2021〕第4号）执行。', 'rule', '省政府令〔2021〕第4号')).toEqual([]);
  });
});

describe('keys and stated references', () => {
  it('title keys ignore brackets, widths, dashes and the state name', () => {
    expect(titleKey('《中华人民共和国立法法》')).toBe(titleKey('立法法'));
    expect(titleKey('实施方案（2023—2030年）')).toBe(titleKey('实施方案(2023-2030年)'));
  });

  it('a stated reference is a 文号 when it is nothing but one, else a title', () => {
    expect(statedCitation('冀政办字[2024]49号', 'interprets')).toMatchObject({ refKind: 'doc_no', text: '冀政办字〔2024〕49号' });
    expect(statedCitation('《关于做好2024年就业工作的通知》', 'interprets')).toMatchObject({ refKind: 'title', text: '关于做好2024年就业工作的通知' });
  });
});

describe('interpretation media', () => {
  it('infers the form from the title', () => {
    expect(inferForm('一图读懂《河北省省级产业技术研究院管理办法》')).toBe('graphic');
    expect(inferForm('视频解读：新政策')).toBe('video');
    expect(inferForm('数字人解读来了')).toBe('digital_human');
    expect(inferForm('河北省政府新闻办新闻发布会全程实录')).toBe('press_conference');
    expect(inferForm('专家解读《若干措施》')).toBe('expert');
    expect(inferForm('河北省科技厅厅长马宇骏解读《加快推进科技创新的若干措施》')).toBe('leader');
    expect(inferForm('《国家科学技术奖提名办法》政策解读问答')).toBe('qa');
    expect(inferForm('《河北省创新创业大赛管理办法》解读')).toBe('text');
    expect(inferSpeaker('增加科技创新考核指标权重 河北省科技厅厅长马宇骏解读《加快推进科技创新的若干措施》')).toBe('河北省科技厅厅长马宇骏');
  });

  it('reads images with their alt text from the body', () => {
    expect(imagesIn('<p><img src="https://a.gov.cn/1.png" alt="第一部分"><img src="https://a.gov.cn/2.png"></p>', '一图读懂')).toEqual([
      { url: 'https://a.gov.cn/1.png', alt: '第一部分' },
      { url: 'https://a.gov.cn/2.png', alt: '一图读懂' },
    ]);
  });
});
