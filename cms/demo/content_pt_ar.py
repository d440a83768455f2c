"""The demo's main pages in Portuguese and Arabic: the home page, "About the program" and "The
CX Awards" (how to nominate, with its frequently asked questions). Drafts by the team, not by
native speakers: they stay in the report "Translations awaiting review" until an editor marks
each page reviewed (docs/translations.md). `content.PAGES` takes them in (content.py, at its end);
the other pages are aliases in these languages, left for the editors to translate, as in French.

Arabic is written right to left; numbers keep Western digits, as on the rest of the site."""

PT_AR = {
    # ------------------------------------------------------------------ home
    "home": {
        "pt": {
            "title": "Início",
            "slug": "inicio",
            "hero_title": "Serviços públicos que acolhem cada cidadão como um convidado",
            "intro": "O programa dos Prémios Africanos de Experiência do Cidadão no Setor Público trabalha para tornar os serviços públicos de todo o continente mais simples, mais rápidos e mais respeitosos. Reúne governos, especialistas, meios de comunicação e cidadãos em torno de um objetivo: uma melhor experiência do serviço público.",
            "body": [
                ("heading", {"text": "Sobre o programa", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Liderado pelo CX Touchpoints Group, o programa é um esforço à escala do continente para elevar a qualidade do atendimento nas repartições públicas. Defende junto de governos e organizações sem fins lucrativos um serviço centrado no cidadão, partilha guias e ferramentas práticas e apoia as instituições públicas enquanto mudam a forma como servem as pessoas.</p><p>Junte-se à conversa nas redes com <strong>#AfricaPublicExperience</strong>.</p>",
                ),
                (
                    "statistics",
                    {
                        "title": "O programa em números",
                        "items": [
                            {"value": "54", "label": "Estados africanos podem participar"},
                            {"value": "9", "label": "ações do programa"},
                            {"value": "3", "label": "formas de participar"},
                            {"value": "5", "label": "categorias de prémios previstas"},
                            {"value": "2022", "label": "ano de publicação da nossa carta aberta"},
                        ],
                    },
                ),
                (
                    "card_grid",
                    {
                        "title": "Destaques",
                        "cards": [
                            {
                                "title": "Os Prémios CX",
                                "text": "Distinguem os organismos públicos que demonstram progressos mensuráveis na forma como servem os cidadãos.",
                                "page": "awards",
                            },
                            {
                                "title": "A nossa carta aberta",
                                "text": "Publicada a 19 de janeiro de 2022, pede a todos os intervenientes que ajam contra o mau atendimento nas repartições públicas.",
                                "page": "open_letter",
                            },
                            {
                                "title": "Dia da Experiência do Cidadão no Setor Público",
                                "text": "Um dia por ano para pôr a experiência do serviço público em destaque, em todo o continente.",
                                "page": "cx_day",
                            },
                            {
                                "title": "Assuma o compromisso",
                                "text": "Junte o seu nome e mostre que cidadãos, empresas e repartições públicas esperam um melhor serviço.",
                                "page": "pledge",
                            },
                        ],
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "Defenda melhores serviços públicos",
                        "text": "Seja cidadão, empresa ou repartição pública, assinar o compromisso é a forma mais rápida de mostrar o seu apoio.",
                        "page": "pledge",
                        "label": "Assinar o compromisso",
                    },
                ),
                ("partner_strip", {"title": "Com o apoio de", "tier": ""}),
            ],
        },
        "ar": {
            "title": "الصفحة الرئيسية",
            "slug": "al-raisiya",
            "hero_title": "خدمات عامة تستقبل كل مواطن كما يُستقبل الضيف",
            "intro": "يعمل برنامج الجوائز الأفريقية لتجربة المتعاملين في القطاع العام على جعل الخدمات العامة في أنحاء القارة أسهل وأسرع وأكثر احترامًا لمن يستخدمها. ويجمع الحكومات والخبراء ووسائل الإعلام والمواطنين حول هدف واحد: تجربة أفضل للخدمة العامة.",
            "body": [
                ("heading", {"text": "نبذة عن البرنامج", "level": "h2"}),
                (
                    "paragraph",
                    "<p>يقود البرنامجَ CX Touchpoints Group، وهو جهد على مستوى القارة للارتقاء بجودة الخدمة التي يتلقاها الناس في المكاتب العامة. يدعو الحكومات والهيئات غير الربحية إلى خدمة تتمحور حول المواطن، ويتيح أدلة وأدوات عملية، ويدعم المؤسسات العامة وهي تغيّر طريقة خدمتها للناس.</p><p>شاركوا في الحوار عبر الإنترنت باستخدام <strong>#AfricaPublicExperience</strong>.</p>",
                ),
                (
                    "statistics",
                    {
                        "title": "البرنامج بالأرقام",
                        "items": [
                            {"value": "54", "label": "دولة أفريقية يمكنها المشاركة"},
                            {"value": "9", "label": "محاور عمل للبرنامج"},
                            {"value": "3", "label": "طرق للمشاركة"},
                            {"value": "5", "label": "فئات جوائز مقررة"},
                            {"value": "2022", "label": "سنة نشر رسالتنا المفتوحة"},
                        ],
                    },
                ),
                (
                    "card_grid",
                    {
                        "title": "أبرز المحطات",
                        "cards": [
                            {
                                "title": "جوائز تجربة المتعاملين",
                                "text": "تكرّم الهيئات العامة التي تُثبت تقدمًا ملموسًا وقابلًا للقياس في طريقة خدمتها للمواطنين.",
                                "page": "awards",
                            },
                            {
                                "title": "رسالتنا المفتوحة",
                                "text": "نُشرت في 19 يناير 2022، وتدعو جميع الأطراف إلى التصدي لضعف الخدمة في المكاتب العامة.",
                                "page": "open_letter",
                            },
                            {
                                "title": "يوم تجربة المتعاملين في القطاع العام",
                                "text": "يوم واحد في السنة لتسليط الضوء على تجربة الخدمة العامة في كل أنحاء القارة.",
                                "page": "cx_day",
                            },
                            {
                                "title": "وقّعوا التعهد",
                                "text": "أضيفوا أسماءكم لتُظهروا أن المواطنين والشركات والمكاتب العامة ينتظرون خدمة أفضل.",
                                "page": "pledge",
                            },
                        ],
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "ادعموا خدمات عامة أفضل",
                        "text": "سواء كنتم مواطنين أو شركة أو مكتبًا عامًا، فإن توقيع التعهد هو أسرع طريقة لإظهار دعمكم.",
                        "page": "pledge",
                        "label": "وقّعوا التعهد",
                    },
                ),
                ("partner_strip", {"title": "بدعم من", "tier": ""}),
            ],
        },
    },
    # ----------------------------------------------------------------- about
    "about": {
        "pt": {
            "title": "Sobre o programa",
            "slug": "sobre",
            "intro": "Porque defendemos uma melhor experiência do cidadão nos serviços públicos africanos, o que queremos alcançar e quem está por trás do programa.",
            "body": [
                ("heading", {"text": "Os nossos objetivos", "level": "h2"}),
                (
                    "paragraph",
                    "<p>O programa pretende melhorar a forma como os serviços públicos são prestados às pessoas nos países africanos. Quer que governos e organizações sem fins lucrativos tratem a experiência das pessoas nas repartições públicas como uma verdadeira prioridade política. Para isso, conduz campanhas em todo o continente que:</p><ul><li>mostram, com dados e exemplos, porque é que a experiência do cidadão importa na prestação de serviços públicos;</li><li>dão aos atores públicos e sem fins lucrativos guias e ferramentas práticas para conduzirem as suas próprias iniciativas;</li><li>apoiam as instituições públicas desde o primeiro diagnóstico até ao fim da sua transformação.</li></ul>",
                ),
                (
                    "heading",
                    {"text": "Porque é que a experiência do cidadão importa", "level": "h2"},
                ),
                (
                    "paragraph",
                    "<ol><li><strong>Abre a porta a um direito fundamental.</strong> O acesso aos serviços públicos é um direito humano fundamental, e uma melhor experiência torna esse acesso mais simples para todos.</li><li><strong>Cria confiança.</strong> Quem é bem servido confia mais nas autoridades públicas e está mais disposto a compreender, aceitar e apoiar as suas escolhas económicas e políticas.</li><li><strong>Mostra o que funciona.</strong> Ouvir os utentes com regularidade diz aos organismos públicos quão eficazes são realmente os seus programas e onde precisam de mudar.</li><li><strong>Reforça o bem-estar e o orgulho cívico.</strong> Os cidadãos que podem contar com o seu serviço público sentem-se melhor e mais ligados ao seu país.</li><li><strong>Reduz custos.</strong> Uma melhor experiência anda a par de funcionários públicos mais eficazes, o que reduz o custo de funcionamento dos serviços.</li></ol>",
                ),
                (
                    "quote",
                    {
                        "quote": "A hospitalidade é um recurso natural em África. Melhorar a experiência no setor público é simplesmente valorizar a cultura única de África e usá-la como instrumento de política pública.",
                        "attribution": "Mbinkar Kpunsa F.",
                        "role": "CX Touchpoints Group",
                    },
                ),
                ("heading", {"text": "Quem organiza o programa", "level": "h2"}),
                (
                    "paragraph",
                    "<p>O programa é organizado pelo <strong>CX Touchpoints Group</strong>, uma organização de experiência do cliente ativa em toda a África. O grupo dá a organizações e pessoas as ferramentas e competências de que precisam para conceber e executar as suas próprias estratégias de experiência do cliente, e ajuda as equipas a construir culturas, processos e sistemas centrados no cliente.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "Das ideias à ação",
                        "text": "Nove linhas de trabalho transformam os objetivos do programa em passos concretos, da regulação e investigação às plataformas de opinião e aos prémios.",
                        "page": "actions",
                        "label": "Conheça as ações do programa",
                    },
                ),
            ],
        },
        "ar": {
            "title": "عن البرنامج",
            "slug": "an-al-barnamaj",
            "intro": "لماذا ندعو إلى تجربة أفضل للمتعاملين في الخدمات العامة الأفريقية، وما الذي نسعى إلى تحقيقه، ومن يقف وراء البرنامج.",
            "body": [
                ("heading", {"text": "أهدافنا", "level": "h2"}),
                (
                    "paragraph",
                    "<p>يهدف البرنامج إلى تحسين طريقة تقديم الخدمات العامة للناس في البلدان الأفريقية. ويريد من الحكومات والمنظمات غير الربحية أن تجعل تجربة الناس في المكاتب العامة أولوية حقيقية في السياسات. ولهذا يقود حملات في أنحاء القارة:</p><ul><li>تُبيّن بالأدلة والأمثلة لماذا تهم تجربة المتعاملين عند تقديم الخدمات العامة؛</li><li>تمنح الجهات العامة وغير الربحية أدلة وأدوات عملية لتنفيذ مبادراتها الخاصة؛</li><li>تدعم المؤسسات العامة من التشخيص الأول حتى نهاية تحولها.</li></ul>",
                ),
                ("heading", {"text": "لماذا تهم تجربة المتعاملين في القطاع العام", "level": "h2"}),
                (
                    "paragraph",
                    "<ol><li><strong>تفتح الباب أمام حق أساسي.</strong> الوصول إلى الخدمات العامة حق أساسي من حقوق الإنسان، والتجربة الأفضل تجعل هذا الوصول أيسر للجميع.</li><li><strong>تبني الثقة.</strong> من يُخدَم جيدًا يثق أكثر بالسلطات العامة، ويكون أكثر استعدادًا لفهم خياراتها الاقتصادية والسياسية وقبولها ودعمها.</li><li><strong>تُظهر ما ينجح.</strong> الإصغاء المنتظم إلى المستخدمين يُطلع الهيئات العامة على مدى فعالية برامجها فعلًا وعلى ما يجب تغييره.</li><li><strong>تعزز الرفاه والاعتزاز المدني.</strong> المواطن الذي يمكنه الاعتماد على خدمته العامة يشعر بحال أفضل وبارتباط أكبر ببلده.</li><li><strong>تخفض التكاليف.</strong> التجربة الأفضل تسير جنبًا إلى جنب مع موظفين عموميين أكثر كفاءة، مما يخفض كلفة تشغيل الخدمات العامة.</li></ol>",
                ),
                (
                    "quote",
                    {
                        "quote": "الضيافة مورد طبيعي في أفريقيا. وتحسين تجربة القطاع العام ليس إلا تثمينًا لثقافة أفريقيا الفريدة واستخدامها أداةً للسياسات العامة.",
                        "attribution": "Mbinkar Kpunsa F.",
                        "role": "CX Touchpoints Group",
                    },
                ),
                ("heading", {"text": "من يدير البرنامج", "level": "h2"}),
                (
                    "paragraph",
                    "<p>ينظم البرنامجَ <strong>CX Touchpoints Group</strong>، وهي جهة متخصصة في تجربة المتعاملين تعمل في أنحاء أفريقيا. تمنح المجموعة المؤسسات والأفراد الأدوات والمهارات اللازمة لتصميم استراتيجياتهم الخاصة لتجربة المتعاملين وتنفيذها، وتساعد الفرق على بناء ثقافات وعمليات وأنظمة تتمحور حول المتعامل.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "title": "من الأفكار إلى العمل",
                        "text": "تسعة محاور عمل تحوّل أهداف البرنامج إلى خطوات ملموسة، من التنظيم والبحث إلى منصات الآراء والجوائز.",
                        "page": "actions",
                        "label": "اكتشفوا محاور البرنامج",
                    },
                ),
            ],
        },
    },
    # ---------------------------------------------------------------- awards
    "awards": {
        "pt": {
            "title": "Os Prémios CX",
            "slug": "premios-cx",
            "intro": "Os Prémios Africanos de Experiência do Cidadão no Setor Público medem e celebram os organismos públicos que tornam os serviços mais simples, mais rápidos e mais respeitosos para quem os utiliza.",
            "body": [
                ("nominations_status", None),
                ("heading", {"text": "O que é premiado", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Os prémios distinguem organismos públicos que demonstram progressos reais e mensuráveis na experiência que oferecem a cidadãos, residentes e empresas. Olhamos para resultados e não para promessas: esperas mais curtas, menos deslocações ao balcão, informação mais clara, problemas resolvidos à primeira e utentes que se sentem ouvidos.</p><p>Qualquer organismo público dos <strong>54 Estados africanos</strong> pode ser nomeado. As datas de candidatura de cada edição são anunciadas neste sítio e nas redes sociais com <strong>#AfricaPublicExperience</strong>.</p>",
                ),
                ("heading", {"text": "Como funciona a avaliação", "level": "h2"}),
                (
                    "paragraph",
                    "<p>As candidaturas são avaliadas por um <strong>júri independente</strong> de profissionais da experiência do cliente, investigadores e antigos funcionários públicos. Os membros do júri declaram qualquer conflito de interesses e não avaliam organismos a que estejam ligados.</p><p>Todas as candidaturas são pontuadas segundo a mesma <strong>grelha</strong>: facilidade de acesso, rapidez, clareza da informação, escuta e acompanhamento, inclusão e acessibilidade, e resultados mantidos ao longo do tempo.</p>",
                ),
                (
                    "faq",
                    {
                        "title": "Perguntas frequentes",
                        "items": [
                            {
                                "question": "Quem pode apresentar uma nomeação?",
                                "answer": "<p>Qualquer pessoa: cidadãos, funcionários públicos, empresas, associações e os próprios organismos públicos, que podem apresentar o seu próprio trabalho.</p>",
                            },
                            {
                                "question": "A participação tem algum custo?",
                                "answer": "<p>Não. Apresentar uma nomeação é gratuito, tal como participar no processo de avaliação.</p>",
                            },
                            {
                                "question": "Em que língua posso apresentar a nomeação?",
                                "answer": "<p>O formulário está disponível em <strong>inglês, francês, português e árabe</strong>. Todas as candidaturas são avaliadas em pé de igualdade.</p>",
                            },
                            {
                                "question": "Que provas deve incluir uma nomeação?",
                                "answer": "<p>Uma breve descrição da iniciativa e do problema que resolveu, números que mostrem a mudança (por exemplo NPS, índice de esforço do cliente, resolução ao primeiro contacto ou prazos de resposta) e exemplos de opiniões de utentes. Não envie dados pessoais de utentes individuais.</p>",
                            },
                        ],
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "Os vencedores de 2026",
                        "text": "Conheça os organismos públicos que o júri distinguiu em 2026, categoria a categoria.",
                        "page": "winners_2026",
                        "label": "Ver os vencedores",
                    },
                ),
            ],
        },
        "ar": {
            "title": "جوائز تجربة المتعاملين",
            "slug": "jawaiz-tajribat-al-mutaamilin",
            "intro": "تقيس الجوائز الأفريقية لتجربة المتعاملين في القطاع العام وتحتفي بالهيئات العامة التي تجعل الخدمات أسهل وأسرع وأكثر احترامًا لمن يستخدمها.",
            "body": [
                ("nominations_status", None),
                ("heading", {"text": "ما الذي تكرّمه الجوائز", "level": "h2"}),
                (
                    "paragraph",
                    "<p>تكرّم الجوائز الهيئات العامة التي تُثبت تقدمًا حقيقيًا وقابلًا للقياس في التجربة التي تقدمها للمواطنين والمقيمين والشركات. ننظر إلى النتائج لا إلى الوعود: انتظار أقصر، وتنقلات أقل إلى الشباك، ومعلومات أوضح، ومشكلات تُحل من المرة الأولى، ومستخدمون يشعرون بأن صوتهم مسموع.</p><p>يمكن ترشيح أي هيئة عامة من <strong>الدول الأفريقية الـ54</strong>. تُعلن مواعيد الترشيح لكل دورة على هذا الموقع وعلى وسائل التواصل الاجتماعي تحت <strong>#AfricaPublicExperience</strong>.</p>",
                ),
                ("heading", {"text": "كيف يجري التحكيم", "level": "h2"}),
                (
                    "paragraph",
                    "<p>تُقيَّم الترشيحات من قِبل <strong>لجنة تحكيم مستقلة</strong> من ممارسي تجربة المتعاملين والباحثين والموظفين العموميين السابقين. يُصرّح أعضاء اللجنة بأي تضارب في المصالح ولا يحكّمون الهيئات المرتبطين بها.</p><p>تُقيَّم كل مشاركة وفق <strong>معايير</strong> واحدة: سهولة الوصول، والسرعة، ووضوح المعلومات، والإصغاء والمتابعة، والشمول وإمكانية الوصول، والنتائج المستدامة عبر الزمن.</p>",
                ),
                (
                    "faq",
                    {
                        "title": "الأسئلة الشائعة",
                        "items": [
                            {
                                "question": "من يمكنه تقديم ترشيح؟",
                                "answer": "<p>أي شخص: المواطنون والموظفون العموميون والشركات والجمعيات، والهيئات العامة نفسها التي يمكنها تقديم عملها.</p>",
                            },
                            {
                                "question": "هل للمشاركة أي تكلفة؟",
                                "answer": "<p>لا. تقديم الترشيح مجاني، وكذلك المشاركة في عملية التحكيم.</p>",
                            },
                            {
                                "question": "بأي لغة يمكنني تقديم الترشيح؟",
                                "answer": "<p>الاستمارة متاحة <strong>بالإنجليزية والفرنسية والبرتغالية والعربية</strong>. وتُقيَّم جميع المشاركات على قدم المساواة.</p>",
                            },
                            {
                                "question": "ما الأدلة التي ينبغي أن يتضمنها الترشيح؟",
                                "answer": "<p>وصف موجز للمبادرة وللمشكلة التي حلّتها، وأرقام تُظهر التغيير (مثل مؤشر صافي المروّجين، أو مؤشر جهد المتعامل، أو نسبة الحل من أول اتصال، أو آجال الإنجاز)، وأمثلة من آراء المستخدمين. يُرجى عدم إرسال بيانات شخصية عن مستخدمين بعينهم.</p>",
                            },
                        ],
                    },
                ),
                (
                    "call_to_action",
                    {
                        "title": "الفائزون لعام 2026",
                        "text": "تعرّفوا على الهيئات العامة التي كرّمتها لجنة التحكيم في 2026، فئةً فئة.",
                        "page": "winners_2026",
                        "label": "شاهدوا الفائزين",
                    },
                ),
            ],
        },
    },
}
