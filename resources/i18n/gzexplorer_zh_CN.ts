<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Brief</name>
    <message>
        <source>Brief</source>
        <translation>简报</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>原文段落</translation>
    </message>
    <message>
        <source>The passages these numbers come from, the numbers cited in bold.</source>
        <translation>这些数字所出自的段落，所引数字以粗体标出。</translation>
    </message>
    <message>
        <source>The document gives no numbers for this theme.</source>
        <translation>文档未给出此主题的数字。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Exported %1 from data pack version %2</source>
        <translation>导出于 %1，数据包版本 %2</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>导出于 %1</translation>
    </message>
    <message>
        <source>Data brief</source>
        <translation>数据简报</translation>
    </message>
    <message>
        <source>passage %1</source>
        <translation>段落 %1</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>许可：%1</translation>
    </message>
</context>
<context>
    <name>BriefDialog</name>
    <message>
        <source>Export brief (PDF)</source>
        <translation>导出简报（PDF）</translation>
    </message>
    <message>
        <source>&amp;This theme: %1</source>
        <translation>本主题(&amp;T)：%1</translation>
    </message>
    <message>
        <source>&amp;All themes</source>
        <translation>所有主题(&amp;A)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter（美式信纸）</translation>
    </message>
    <message>
        <source>Themes:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>纸张大小(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the brief…</source>
        <translation>正在写入简报…</translation>
    </message>
    <message>
        <source>The brief was not written</source>
        <translation>简报未写入</translation>
    </message>
    <message>
        <source>Brief not written</source>
        <translation>简报未写入</translation>
    </message>
    <message>
        <source>Brief written: %1</source>
        <translation>简报已写入：%1</translation>
    </message>
</context>
<context>
    <name>BundleDialog</name>
    <message>
        <source>Export data bundle</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <source>One .zip with the data as CSV, a datapackage.json describing it, the passages the numbers come from and a README with the citation, sources and licence. gzexplorer opens it as a data pack.</source>
        <translation>一个 .zip 文件：CSV 格式的数据、描述数据的 datapackage.json、数字所出自的段落，以及载有引用、来源和许可的 README。gzexplorer 可将其作为数据包打开。</translation>
    </message>
    <message>
        <source>This &amp;chart: %1</source>
        <translation>此图表(&amp;C)：%1</translation>
    </message>
    <message>
        <source>Every chart of &amp;the theme %1</source>
        <translation>主题“%1”的所有图表(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Zip 文件 (*.zip)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %s</source>
        <translation>已导出 %s</translation>
    </message>
</context>
<context>
    <name>ChartColumn</name>
    <message>
        <source>Loading charts…</source>
        <translation>正在加载图表…</translation>
    </message>
    <message>
        <source>Nothing to chart here: no series of numbers, no group of figures to compare and no dated events. The passages are on the right.</source>
        <translation>这里没有可绘制的图表：没有数值序列、没有可比较的一组数字，也没有注明日期的事件。相关段落在右侧。</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Show the chart&apos;s data as a table instead of the chart (Ctrl+T)</source>
        <translation>以表格代替图表显示图表的数据（Ctrl+T）</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>数据系列</translation>
    </message>
    <message>
        <source>Choose the series shown</source>
        <translation>选择显示的数据系列</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Show the values on a logarithmic scale (powers of ten)</source>
        <translation>以对数刻度（十的幂）显示数值</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <source>Zoom and pan back to the whole chart</source>
        <translation>缩放和平移回完整图表</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export this chart as PNG, SVG or CSV</source>
        <translation>将此图表导出为 PNG、SVG 或 CSV</translation>
    </message>
    <message>
        <source>Cite…</source>
        <translation>引用…</translation>
    </message>
    <message>
        <source>How to cite this chart and the document</source>
        <translation>如何引用此图表及文档</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>文字说明</translation>
    </message>
    <message>
        <source>Show a description of the chart in words</source>
        <translation>以文字说明图表内容</translation>
    </message>
    <message>
        <source>Charts of this theme</source>
        <translation>本主题的图表</translation>
    </message>
    <message>
        <source>Data of the chart</source>
        <translation>图表数据</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>ChartTableModel</name>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>tn</source>
        <translation>万亿</translation>
    </message>
    <message>
        <source>bn</source>
        <translation>十亿</translation>
    </message>
    <message>
        <source>m</source>
        <translation>百万</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未报告</translation>
    </message>
    <message>
        <source>%1: not reported for %2.</source>
        <translation>%1：%2 年未报告。</translation>
    </message>
    <message>
        <source>%1 went from %2 in %3 to %4 in %5</source>
        <translation>%1 从 %3 年的 %2 变为 %5 年的 %4</translation>
    </message>
    <message>
        <source>%1: %2 in %3 (no number given).</source>
        <translation>%1：%3 年%2（未给出数值）。</translation>
    </message>
    <message>
        <source> vs </source>
        <translation>与</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>%1: no number reported for %2</source>
        <translation>%1：%2 年间未报告数值</translation>
    </message>
    <message>
        <source>%1: no number reported</source>
        <translation>%1：未报告数值</translation>
    </message>
    <message>
        <source>%1 was %2 in %3 (the only year reported)</source>
        <translation>%1 在 %3 年为 %2（仅报告了这一年）</translation>
    </message>
    <message>
        <source>Per cent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Source: %1; in %2</source>
        <translation>来源：%1；见 %2</translation>
    </message>
    <message>
        <source>%1; in %2</source>
        <translation>%1；见 %2</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数量</translation>
    </message>
    <message>
        <source> (logarithmic scale)</source>
        <translation>（对数刻度）</translation>
    </message>
    <message>
        <source>per cent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>大事记</translation>
    </message>
    <message>
        <source>%1: milestones</source>
        <translation>%1：大事记</translation>
    </message>
    <message>
        <source>Dated events, %1</source>
        <translation>有日期的事件，%1</translation>
    </message>
    <message>
        <source>No dated events</source>
        <translation>无有日期的事件</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>超过</translation>
    </message>
    <message>
        <source>nearly</source>
        <translation>近</translation>
    </message>
    <message>
        <source>about</source>
        <translation>约</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>至少</translation>
    </message>
    <message>
        <source>up to</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>不到</translation>
    </message>
    <message>
        <source>%1: not reported</source>
        <translation>%1：未报告</translation>
    </message>
    <message>
        <source>no number given</source>
        <translation>未给出数值</translation>
    </message>
    <message>
        <source>No number reported in these years</source>
        <translation>这些年份未报告数值</translation>
    </message>
    <message>
        <source>%1 (no number given)</source>
        <translation>%1（未给出数值）</translation>
    </message>
    <message>
        <source>Passage: %1</source>
        <translation>段落：%1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
</context>
<context>
    <name>CiteBox</name>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>CiteDialog</name>
    <message>
        <source>Cite</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Citation format</source>
        <translation>引用格式</translation>
    </message>
    <message>
        <source>The document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>This chart</source>
        <translation>此图表</translation>
    </message>
    <message>
        <source>Copy the citation of the document</source>
        <translation>复制文档的引用</translation>
    </message>
    <message>
        <source>Copy the citation of the chart</source>
        <translation>复制图表的引用</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>BibTeX, RIS and CSL-JSON can be imported into a reference manager (Zotero, EndNote, JabRef …). The chart&apos;s citation names the passages its numbers come from and the version of the data pack.</source>
        <translation>BibTeX、RIS 和 CSL-JSON 可导入文献管理软件（Zotero、EndNote、JabRef 等）。图表的引用列出其数字所出自的段落及数据包的版本。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Sources</source>
        <translation>资料来源</translation>
    </message>
    <message>
        <source>Licence: </source>
        <translation>许可：</translation>
    </message>
    <message>
        <source>About gzexplorer</source>
        <translation>关于 gzexplorer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;gzexplorer %1&lt;/h3&gt;&lt;p&gt;A desktop explorer for the case study &lt;i&gt;Leapfrogging with All-Round Digital Transformation in Guizhou&lt;/i&gt;. Every figure leads back to the passage it comes from.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;gzexplorer %1&lt;/h3&gt;&lt;p&gt;案例研究《以全方位数字化转型实现跨越式发展的贵州》的桌面浏览器。每个数据都可追溯到其出处段落。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Pack report</source>
        <translation>数据包报告</translation>
    </message>
    <message>
        <source>%s is still being checked.</source>
        <translation>%s 仍在检查中。</translation>
    </message>
    <message>
        <source>%s is valid: its schema, keys and the provenance of every number were checked, and nothing looks wrong.</source>
        <translation>%s 有效：已检查其模式、键以及每个数字的出处，未发现问题。</translation>
    </message>
    <message>
        <source>%1 is valid. Warnings: %2. They name what is allowed but probably not meant.</source>
        <translation>%1 有效。警告：%2 条，列出虽然允许但可能并非本意的内容。</translation>
    </message>
    <message>
        <source>Cannot open data pack</source>
        <translation>无法打开数据包</translation>
    </message>
    <message>
        <source>The data pack at %s has problems and was not opened.</source>
        <translation>位于 %s 的数据包存在问题，未打开。</translation>
    </message>
    <message>
        <source>No installed font can show %1, so gzexplorer stays in English.</source>
        <translation>没有已安装的字体能显示%1，因此 gzexplorer 仍使用英文。</translation>
    </message>
    <message>
        <source>The %1 translation is not installed, so gzexplorer stays in English.</source>
        <translation>%1翻译未安装，因此 gzexplorer 仍使用英文。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Install a font with Chinese characters; on Debian or Ubuntu: sudo apt-get install fonts-wqy-microhei (or fonts-noto-cjk).</source>
        <translation>请安装含中文字符的字体；在 Debian 或 Ubuntu 上：sudo apt-get install fonts-wqy-microhei（或 fonts-noto-cjk）。</translation>
    </message>
    <message>
        <source>gzexplorer looks for it at %1. Installing gzexplorer with pip compiles it, and so does “make translations” in a source folder.</source>
        <translation>gzexplorer 在 %1 查找该文件。用 pip 安装 gzexplorer 时会编译它，在源代码目录中运行“make translations”也会。</translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>gzexplorer hit an unexpected problem and carried on.</source>
        <translation>gzexplorer 遇到意外问题，已继续运行。</translation>
    </message>
    <message>
        <source>(the log could not be written)</source>
        <translation>（无法写入日志）</translation>
    </message>
    <message>
        <source>%1

The details were written to %2.</source>
        <translation>%1

详细信息已写入 %2。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>ExcerptListModel</name>
    <message>
        <source>Highlighted: a source of the selection</source>
        <translation>已突出显示：所选内容的出处</translation>
    </message>
    <message>
        <source>Number %1 of %2: %3</source>
        <translation>第 %1 个数字（共 %2 个）：%3</translation>
    </message>
</context>
<context>
    <name>ExcerptPanel</name>
    <message>
        <source>Search the document (Ctrl+F)</source>
        <translation>搜索全文（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search the document</source>
        <translation>搜索全文</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Passages of the document (original English text)</source>
        <translation>文档段落（英文原文）</translation>
    </message>
    <message>
        <source>Passages of the whole document: %1</source>
        <translation>全文段落：%1（英文原文）</translation>
    </message>
    <message>
        <source>Passages on %1: %2</source>
        <translation>%1相关段落：%2（英文原文）</translation>
    </message>
    <message>
        <source>Passages matching “%1” in all themes: %2</source>
        <translation>所有主题中与“%1”匹配的段落：%2（英文原文）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG vector image</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>CSV data</source>
        <translation>CSV 数据</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <source>Slide 16:9</source>
        <translation>幻灯片 16:9</translation>
    </message>
    <message>
        <source>Slide 4:3</source>
        <translation>幻灯片 4:3</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>正方形</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>For slides (larger type)</source>
        <translation>用于幻灯片（较大字号）</translation>
    </message>
    <message>
        <source>White</source>
        <translation>白色</translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation>透明</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Size (pixels):</source>
        <translation>尺寸（像素）(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;cale:</source>
        <translation>缩放(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>文字(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Background:</source>
        <translation>背景(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %s</source>
        <translation>已导出 %s</translation>
    </message>
</context>
<context>
    <name>FigureCards</name>
    <message>
        <source>Figures of this theme</source>
        <translation>本主题的数据</translation>
    </message>
    <message>
        <source>Loading figures…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <source>The document states no figures for this theme.</source>
        <translation>文档未给出本主题的数据。</translation>
    </message>
</context>
<context>
    <name>FigureListModel</name>
    <message>
        <source>Highlighted: cited by the selection</source>
        <translation>已突出显示：所选内容引用了它</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Loading data…</source>
        <translation>正在加载数据…</translation>
    </message>
</context>
<context>
    <name>PackOpener</name>
    <message>
        <source>Open data pack</source>
        <translation>打开数据包</translation>
    </message>
    <message>
        <source>Open data pack file</source>
        <translation>打开数据包文件</translation>
    </message>
    <message>
        <source>Data packs (*.zip datapackage.json);;All files (*)</source>
        <translation>数据包 (*.zip datapackage.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save data pack as</source>
        <translation>数据包另存为</translation>
    </message>
    <message>
        <source>Data pack zip (*.gzpack.zip *.zip)</source>
        <translation>数据包压缩文件 (*.gzpack.zip *.zip)</translation>
    </message>
    <message>
        <source>Cannot save the data pack</source>
        <translation>无法保存数据包</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>&amp;New pack from document…</source>
        <translation>从文档新建数据包(&amp;N)…</translation>
    </message>
    <message>
        <source>Draft a data pack from a document and review it</source>
        <translation>从文档起草数据包并审阅</translation>
    </message>
    <message>
        <source>&amp;Review drafts…</source>
        <translation>审阅草稿(&amp;R)…</translation>
    </message>
    <message>
        <source>Accept, reject or edit the drafted rows</source>
        <translation>接受、拒绝或编辑起草的行</translation>
    </message>
    <message>
        <source>New pack from document</source>
        <translation>从文档新建数据包</translation>
    </message>
    <message>
        <source>Documents (%1);;All files (*)</source>
        <translation>文档 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Folder for the new pack</source>
        <translation>新数据包的文件夹</translation>
    </message>
    <message>
        <source>Drafting a pack from %1…</source>
        <translation>正在从 %1 起草数据包…</translation>
    </message>
    <message>
        <source>Could not draft a pack</source>
        <translation>无法起草数据包</translation>
    </message>
    <message>
        <source>No pack was written.</source>
        <translation>未写入任何数据包。</translation>
    </message>
    <message>
        <source>Review — %1</source>
        <translation>审阅 — %1</translation>
    </message>
    <message>
        <source>Unsaved review edits from %1 were kept (rows: %2). Restore them?</source>
        <translation>保留了 %1 未保存的审阅编辑（行数：%2）。要恢复吗？</translation>
    </message>
    <message>
        <source>Edits restored (rows: %1).</source>
        <translation>已恢复编辑（行数：%1）。</translation>
    </message>
    <message>
        <source>⚠ Rows that no longer pass the provenance checks: %1 (marked ⚠). Fix or undo them before saving; the charts show the last edits that passed.</source>
        <translation>⚠ 不再通过出处检查的行：%1（标有 ⚠）。请在保存前修正或撤销；图表显示最后一次通过检查的编辑。</translation>
    </message>
    <message>
        <source>Review edits were kept, but the pack&apos;s files have changed since: they cannot be restored. Discard them?</source>
        <translation>保留了审阅编辑，但数据包的文件此后已更改，无法恢复。要丢弃它们吗？</translation>
    </message>
    <message>
        <source>Your edits cannot be kept in the pack&apos;s folder: %1</source>
        <translation>无法在数据包文件夹中保留您的编辑：%1</translation>
    </message>
    <message>
        <source>Not saved: rows do not pass the checks. Fix or undo them:
%1</source>
        <translation>未保存：有行未通过检查。请修正或撤销：
%1</translation>
    </message>
    <message>
        <source>Not saved: %1. Nothing was changed in the pack; your edits are still here.</source>
        <translation>未保存：%1。数据包未作任何更改；您的编辑仍在此处。</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Table cell</source>
        <translation>表格单元格</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>任何状态</translation>
    </message>
    <message>
        <source>&amp;Passage (the words that state it are marked)</source>
        <translation>段落(&amp;P)（标出了陈述该数据的文字）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>数值(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Qualifier</source>
        <translation>限定词(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>状态(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>注释(&amp;N)</translation>
    </message>
    <message>
        <source>Quot&amp;e</source>
        <translation>原文(&amp;E)</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Accept the candidate (A)</source>
        <translation>接受该候选项（A）</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Reject the candidate (R)</source>
        <translation>拒绝该候选项（R）</translation>
    </message>
    <message>
        <source>Edit the candidate (E or Enter)</source>
        <translation>编辑该候选项（E 或 Enter）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>Save pack</source>
        <translation>保存数据包</translation>
    </message>
    <message>
        <source>Write the reviewed pack (Ctrl+S)</source>
        <translation>写入审阅后的数据包（Ctrl+S）</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Apply the edit (Enter)</source>
        <translation>应用编辑（Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Leave the editor (Escape)</source>
        <translation>离开编辑器（Esc）</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选项</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Review counts</source>
        <translation>审阅计数</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>J or Down: next · K or Up: previous · A: accept · R: reject · E or Enter: edit (Enter applies, Escape cancels) · Ctrl+Z / Ctrl+Shift+Z: undo / redo · Ctrl+S: save</source>
        <translation>J 或 ↓：下一项 · K 或 ↑：上一项 · A：接受 · R：拒绝 · E 或 Enter：编辑（Enter 应用，Esc 取消）· Ctrl+Z / Ctrl+Shift+Z：撤销 / 重做 · Ctrl+S：保存</translation>
    </message>
    <message>
        <source>Candidates: %1</source>
        <translation>候选项：%1</translation>
    </message>
    <message>
        <source>⚠ Not saved as it is: %1</source>
        <translation>⚠ 当前状态无法保存：%1</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
</context>
<context>
    <name>SaveTarget</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Themes</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>All milestones and the headline figures</source>
        <translation>全部大事记和主要数据</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Loading data…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <source>Themes %1 · indicators %2 · observations %3 · figures %4 · milestones %5 · passages %6</source>
        <translation>主题 %1 · 指标 %2 · 观测值 %3 · 数据 %4 · 大事记 %5 · 段落 %6</translation>
    </message>
    <message>
        <source>warnings: %1 (Help › Pack report)</source>
        <translation>警告：%1 条（帮助 › 数据包报告）</translation>
    </message>
    <message>
        <source>This passage is the source of %1 chart element(s) and %2 figure card(s) here</source>
        <translation>此段落是此处 %1 个图表元素和 %2 张数据卡片的来源</translation>
    </message>
    <message>
        <source>Chart copied to the clipboard</source>
        <translation>图表已复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>ViewListModel</name>
    <message>
        <source>%1: %2 figures</source>
        <translation>%1：%2 项数据</translation>
    </message>
</context>
<context>
    <name>WindowAccessibility</name>
    <message>
        <source>Opened %1: themes %2, figures %3, passages %4</source>
        <translation>已打开 %1：主题 %2 · 数据 %3 · 段落 %4</translation>
    </message>
    <message>
        <source>Hit %1 of %2: %3</source>
        <translation>第 %1 条结果（共 %2 条）：%3</translation>
    </message>
    <message>
        <source>Passage %1 of %2: %3</source>
        <translation>第 %1 段（共 %2 段）：%3</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Open data pack…</source>
        <translation>打开数据包(&amp;O)…</translation>
    </message>
    <message>
        <source>Open another data pack of the same format</source>
        <translation>打开另一个同格式的数据包</translation>
    </message>
    <message>
        <source>Open data pack &amp;file…</source>
        <translation>打开数据包文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Open a data pack saved as one .zip file, or its datapackage.json</source>
        <translation>打开保存为单个 .zip 文件的数据包，或其 datapackage.json</translation>
    </message>
    <message>
        <source>&amp;Save pack as…</source>
        <translation>数据包另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the open data pack as one .zip file</source>
        <translation>将当前数据包保存为单个 .zip 文件</translation>
    </message>
    <message>
        <source>&amp;Export chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the chart as PNG, SVG or CSV</source>
        <translation>将图表导出为 PNG、SVG 或 CSV</translation>
    </message>
    <message>
        <source>Export data &amp;bundle (.zip)…</source>
        <translation>导出数据包 (.zip)(&amp;B)…</translation>
    </message>
    <message>
        <source>Export the chart&apos;s or its theme&apos;s data, sources and passages as one .zip</source>
        <translation>将图表或其主题的数据、来源和段落导出为一个 .zip 文件</translation>
    </message>
    <message>
        <source>Export brief (&amp;PDF)…</source>
        <translation>导出简报（PDF）(&amp;P)…</translation>
    </message>
    <message>
        <source>Export this theme or every theme as a PDF brief: charts, figures, passages</source>
        <translation>将本主题或所有主题导出为 PDF 简报：图表、数据、段落</translation>
    </message>
    <message>
        <source>Copy chart &amp;image</source>
        <translation>复制图表图像(&amp;I)</translation>
    </message>
    <message>
        <source>Copy the chart to the clipboard as an image</source>
        <translation>将图表作为图像复制到剪贴板</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Show &amp;table</source>
        <translation>显示表格(&amp;T)</translation>
    </message>
    <message>
        <source>Show the chart&apos;s data as a table</source>
        <translation>以表格显示图表数据</translation>
    </message>
    <message>
        <source>Show &amp;description</source>
        <translation>显示文字说明(&amp;D)</translation>
    </message>
    <message>
        <source>Show a description of the chart in words</source>
        <translation>以文字说明图表内容</translation>
    </message>
    <message>
        <source>&amp;Reset view</source>
        <translation>重置视图(&amp;R)</translation>
    </message>
    <message>
        <source>Show the whole chart again</source>
        <translation>重新显示完整图表</translation>
    </message>
    <message>
        <source>&amp;Next chart</source>
        <translation>下一个图表(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous chart</source>
        <translation>上一个图表(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Find in document</source>
        <translation>在文档中查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Dark mode</source>
        <translation>深色模式(&amp;D)</translation>
    </message>
    <message>
        <source>Switch between light and dark</source>
        <translation>在浅色和深色之间切换</translation>
    </message>
    <message>
        <source>&amp;Cite…</source>
        <translation>引用(&amp;C)…</translation>
    </message>
    <message>
        <source>How to cite the document: APA, Chicago, BibTeX, RIS, CSL-JSON</source>
        <translation>如何引用文档：APA、Chicago、BibTeX、RIS、CSL-JSON</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>资料来源(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pack report</source>
        <translation>数据包报告(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;About gzexplorer</source>
        <translation>关于 gzexplorer(&amp;A)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
</TS>
